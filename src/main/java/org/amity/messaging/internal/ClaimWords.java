package org.amity.messaging.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.amity.messaging.ClaimEvidence;

/**
 * Words that assert legal action, a home visit or a debt, in both languages. A template whose text uses them must
 * declare the claim (and is then sent only with a genuine record), and a limited-content voicemail may not mention
 * a debt at all (12 CFR 1006.18(c)(5) no threat of action not intended; 1006.2(j); CONC 7.9.4R).
 */
final class ClaimWords {

    private static final List<String> LEGAL = List.of("起诉", "诉讼", "法院", "仲裁", "律师函", "lawsuit", "court", "legal action",
            "proceedings", "sue ", "solicitor", "attorney");
    private static final List<String> VISIT = List.of("上门", "外访", "home visit", "home-verification visit", "visit your home",
            "visit you at home");
    private static final List<String> DEBT = List.of("欠款", "逾期", "还款", "债务", "贷款", "debt", "overdue", "past due", "loan",
            "owe", "payment", "arrears", "collection");

    private ClaimWords() {
    }

    static Set<ClaimEvidence.Claim> claimsIn(String text) {
        String t = TemplateText.normalise(text);
        Set<ClaimEvidence.Claim> claims = EnumSet.noneOf(ClaimEvidence.Claim.class);
        if (LEGAL.stream().anyMatch(t::contains)) {
            claims.add(ClaimEvidence.Claim.LEGAL_ACTION);
        }
        if (VISIT.stream().anyMatch(t::contains)) {
            claims.add(ClaimEvidence.Claim.HOME_VISIT);
        }
        return claims;
    }

    static boolean mentionsDebt(String text) {
        String t = TemplateText.normalise(text);
        return DEBT.stream().anyMatch(t::contains);
    }
}

package org.amity.ledger;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.amity.ledger.domain.BucketPolicy;
import org.amity.ledger.domain.Component;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Ledger settings (bank policy, not law).
 *
 * @param tolerance             an instalment whose unpaid remainder is at most this is treated as paid
 * @param buckets               delinquency buckets, {@code NAME:FROM-TO,…}, the last open-ended
 * @param allocationOrder       component order inside an instalment, by default for every product
 * @param productAllocationOrder per-product overrides of the allocation order
 * @param claimExpiryBusinessDays how long a "I have paid" claim stays open without a matching payment
 * @param keptAnswers           how many answers of each kind (a loan's delinquency, a customer's standing for a loan)
 *                              an instance keeps for reuse while the ledger has not changed ({@link KeptAnswer})
 */
@ConfigurationProperties("amity.ledger")
public record LedgerProperties(
        @DefaultValue("0.00") BigDecimal tolerance,
        @DefaultValue(BucketPolicy.DEFAULT) String buckets,
        @DefaultValue({"PENALTY", "FEE", "INTEREST", "PRINCIPAL"}) List<Component> allocationOrder,
        Map<String, List<Component>> productAllocationOrder,
        @DefaultValue("3") int claimExpiryBusinessDays,
        @DefaultValue("20000") int keptAnswers) {

    public List<Component> allocationOrderFor(String product) {
        if (productAllocationOrder != null && productAllocationOrder.containsKey(product)) {
            return productAllocationOrder.get(product);
        }
        return allocationOrder;
    }
}

package org.amity.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.amity.demo.DemoPortfolio.LoanPlan;
import org.amity.demo.DemoPortfolio.Shape;
import org.amity.demo.SyntheticPeople.Person;
import org.amity.ledger.LoanApplicationView.ApplicationStatus;
import org.amity.ledger.domain.RepaymentMethod;

/**
 * Named customers that reproduce the field's problems; the README lists them. Their portal login is their
 * customer number, password "demo".
 */
final class DemoScenarios {

    static final String PAID_YESTERDAY = "DEMO-PAID-YESTERDAY";

    record Scenario(String externalId, Person person, String phoneOwner, boolean emailVerified) {
    }

    record Application(String externalId, String customerExternalId, String product, BigDecimal amount, List<String> documents,
                       List<String> received, ApplicationStatus status) {
    }

    private DemoScenarios() {
    }

    static List<Scenario> customers() {
        return List.of(
                new Scenario(PAID_YESTERDAY, new Person("王芳", "110101199003071234", "CN", "内蒙古", "乌海", "海勃湾区新华街 8 号",
                        "Asia/Shanghai", "+8613800000001", "wangfang@example.cn", "zh-CN"), "SELF", true),
                new Scenario("DEMO-OVERDUE-45", new Person("李强", "310101198507154321", "CN", "上海", "上海", "浦东新区世纪大道 100 号",
                        "Asia/Shanghai", "+8613900000002", null, "zh-CN"), "SELF", false),
                new Scenario("DEMO-GRACE", new Person("Emily Clark", "QQ123456C", "GB", "England", "Leeds", "12 Park Row",
                        "Europe/London", "+447400123456", "emily.clark@example.co.uk", "en"), "SELF", true),
                new Scenario("DEMO-PARTIAL", new Person("张伟", "440301199212125678", "CN", "广东", "深圳", "南山区科技园 3 栋",
                        "Asia/Shanghai", "+8613700000003", null, "zh-CN"), "SELF", false),
                new Scenario("DEMO-PAID-TODAY", new Person("John Miller", "123456789", "US", "NY", "New York", "350 Fifth Avenue",
                        "America/New_York", "+12125550123", "john.miller@example.com", "en"), "SELF", true),
                new Scenario("DEMO-THIRD-PARTY", new Person("刘洋", "510104198811111111", "CN", "四川", "成都", "锦江区春熙路 9 号",
                        "Asia/Shanghai", "+8613600000004", "liuyang@example.cn", "zh-CN"), "OTHER", false),
                new Scenario("DEMO-TZ-MISMATCH", new Person("Michael Davis", "987654321", "US", "CA", "San Francisco", "1 Market Street",
                        "America/Los_Angeles", "+12125550199", "michael.davis@example.com", "en"), "SELF", true),
                new Scenario("DEMO-APPLICATION", new Person("陈静", "110101199505051357", "CN", "北京", "北京", "朝阳区建国路 88 号",
                        "Asia/Shanghai", "+8613500000005", "chenjing@example.cn", "zh-CN"), "SELF", true));
    }

    static List<LoanPlan> loans(LocalDate today) {
        BigDecimal p12k = new BigDecimal("12000.00");
        return List.of(
                new LoanPlan("L-PAID-YESTERDAY", PAID_YESTERDAY, "CONSUMER", "CNY", p12k, new BigDecimal("0.0600"), 12,
                        RepaymentMethod.EQUAL_INSTALLMENT, 3, Shape.PAID_YESTERDAY, 5, 3, null),
                new LoanPlan("L-OVERDUE-45", "DEMO-OVERDUE-45", "CONSUMER", "CNY", new BigDecimal("30000.00"), new BigDecimal("0.1200"), 24,
                        RepaymentMethod.EQUAL_INSTALLMENT, 3, Shape.OVERDUE, 45, 4, null),
                new LoanPlan("L-GRACE", "DEMO-GRACE", "CONSUMER", "GBP", new BigDecimal("5000.00"), new BigDecimal("0.0990"), 12,
                        RepaymentMethod.EQUAL_PRINCIPAL, 3, Shape.OVERDUE, 2, 2, null),
                new LoanPlan("L-PARTIAL", "DEMO-PARTIAL", "CONSUMER", "CNY", new BigDecimal("20000.00"), new BigDecimal("0.0800"), 12,
                        RepaymentMethod.EQUAL_PRINCIPAL, 3, Shape.PARTIAL, 12, 3, null),
                new LoanPlan("L-PAID-TODAY", "DEMO-PAID-TODAY", "CONSUMER", "USD", new BigDecimal("8000.00"), new BigDecimal("0.0700"), 24,
                        RepaymentMethod.EQUAL_INSTALLMENT, 3, Shape.PAID_TODAY, 6, 5, null),
                new LoanPlan("L-THIRD-PARTY", "DEMO-THIRD-PARTY", "CONSUMER", "CNY", p12k, new BigDecimal("0.1500"), 12,
                        RepaymentMethod.EQUAL_INSTALLMENT, 3, Shape.OVERDUE, 20, 2, null),
                new LoanPlan("L-TZ-MISMATCH", "DEMO-TZ-MISMATCH", "CONSUMER", "USD", new BigDecimal("6000.00"), new BigDecimal("0.0800"), 12,
                        RepaymentMethod.EQUAL_INSTALLMENT, 3, Shape.OVERDUE, 9, 2, null),
                new LoanPlan("L-MONTH-END", "DEMO-APPLICATION", "CONSUMER", "CNY", new BigDecimal("6000.00"), new BigDecimal("0.0500"), 12,
                        RepaymentMethod.EQUAL_INSTALLMENT, 3, Shape.CURRENT, 0, 1,
                        today.withDayOfMonth(1).plusMonths(2).minusDays(1)));
    }

    static List<Application> applications() {
        return List.of(
                new Application("APP-HOUSING-DEMO", "DEMO-APPLICATION", "HOUSING", new BigDecimal("1200000.00"),
                        List.of("ID_CARD", "INCOME_PROOF", "PURCHASE_CONTRACT"), List.of("ID_CARD", "PURCHASE_CONTRACT"),
                        ApplicationStatus.DOCUMENTS_REQUIRED),
                new Application("APP-REVIEW-DEMO", PAID_YESTERDAY, "HOUSING", new BigDecimal("800000.00"),
                        List.of("ID_CARD", "INCOME_PROOF"), List.of("ID_CARD", "INCOME_PROOF"), ApplicationStatus.UNDER_REVIEW));
    }
}

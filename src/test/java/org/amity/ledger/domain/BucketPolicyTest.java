package org.amity.ledger.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * "Buckets configurable; default CURRENT (0), M1 1–30, M2 31–60, M3 61–90, M4 91–120, M5 121–150, M6 151–180,
 * M7+ >180." A spec is {@code NAME:FROM-TO,…}; the ranges start at 0, are contiguous and the last is open-ended.
 */
class BucketPolicyTest {

    private static final BucketPolicy DEFAULT = BucketPolicy.parse(BucketPolicy.DEFAULT);

    @ParameterizedTest(name = "{0} days past due is {1}")
    @CsvSource(textBlock = """
            0,    CURRENT
            1,    M1
            30,   M1
            31,   M2
            60,   M2
            61,   M3
            90,   M3
            91,   M4
            120,  M4
            121,  M5
            150,  M5
            151,  M6
            180,  M6
            181,  M7+
            1000, M7+
            """)
    void theDefaultBucketsFollowThirtyDayMonths(int daysPastDue, String bucket) {
        assertThat(DEFAULT.bucketFor(daysPastDue)).isEqualTo(bucket);
    }

    @Test
    void theDefaultSpecHasEightBucketsEndingOpen() {
        assertThat(DEFAULT.buckets()).extracting(BucketPolicy.Bucket::name)
                .containsExactly("CURRENT", "M1", "M2", "M3", "M4", "M5", "M6", "M7+");
        assertThat(DEFAULT.buckets().get(7)).isEqualTo(new BucketPolicy.Bucket("M7+", 181, null));
    }

    @ParameterizedTest(name = "{1} days past due is {2} under [{0}]")
    @CsvSource(delimiter = '|', textBlock = """
            CURRENT:0-0,LATE:1-          | 0    | CURRENT
            CURRENT:0-0,LATE:1-          | 5000 | LATE
            ' CURRENT : 0-5 , X : 6 - '  | 5    | CURRENT
            ' CURRENT : 0-5 , X : 6 - '  | 6    | X
            ALL:0-                       | 99   | ALL
            """)
    void acceptsOtherSpecsWithSpacesAroundTheParts(String spec, int daysPastDue, String bucket) {
        assertThat(BucketPolicy.parse(spec).bucketFor(daysPastDue)).isEqualTo(bucket);
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', textBlock = """
            # the first bucket must start at 0
            CURRENT:1-5,LATE:6-
            # contiguous: no gap
            CURRENT:0-0,M1:2-30,M2:31-
            # contiguous: no overlap
            CURRENT:0-5,M1:5-30,M2:31-
            # the last bucket must be open
            CURRENT:0-0,M1:1-30
            # only the last bucket may be open
            CURRENT:0-,M1:1-
            # a range cannot end before it starts
            CURRENT:0-0,M1:1-0,M2:1-
            # NAME:FROM-TO
            CURRENT0-0,M1:1-
            CURRENT:0-0:1,M1:1-
            CURRENT:zero-0,M1:1-
            CURRENT:0-0,M1:1-thirty,M2:31-
            CURRENT:0-0-7,M1:1-
            CURRENT:0-0,M1:1
            ''
            # every bucket has a name of its own, or a loan's bucket would not say which range it is in
            :0-0,M1:1-
            CURRENT:0-0, :1-
            M1:0-0,M1:1-
            """)
    void rejectsSpecsThatDoNotCoverEveryDayExactlyOnce(String spec) {
        assertThatIllegalArgumentException().isThrownBy(() -> BucketPolicy.parse(spec));
    }
}

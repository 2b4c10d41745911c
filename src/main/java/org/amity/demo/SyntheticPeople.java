package org.amity.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;

/** Names, identity numbers, phones and places for synthetic customers in CN, US and GB. */
final class SyntheticPeople {

    record Person(String name, String nationalId, String country, String region, String city, String line,
                  String timeZone, String phone, String email, String language) {
    }

    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗"};
    private static final String[] GIVEN = {"芳", "伟", "娜", "敏", "静", "强", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛", "明", "超", "秀英", "桂英", "建华", "晓东"};
    private static final String[] PINYIN_SURNAMES = {"wang", "li", "zhang", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou", "xu", "sun", "ma", "zhu", "hu", "guo", "he", "gao", "lin", "luo"};
    private static final String[] FIRST = {"James", "Mary", "John", "Patricia", "Robert", "Jennifer", "Michael", "Linda", "David", "Emily", "Oliver", "Amelia", "George", "Isla", "Harry", "Ava"};
    private static final String[] LAST = {"Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Taylor", "Clark", "Walker", "Wright", "Evans", "Roberts"};

    /** Long-established mobile ranges, all valid in libphonenumber's metadata. */
    private static final String[] CN_MOBILE_PREFIXES = {"130", "131", "132", "133", "135", "136", "137", "138", "139", "150",
            "151", "152", "155", "156", "157", "158", "159", "186", "187", "188", "189"};

    record Place(String region, String city, String regionCode, String timeZone) {
    }

    private static final List<Place> CN_PLACES = List.of(
            new Place("北京", "北京", "110101", "Asia/Shanghai"), new Place("上海", "上海", "310101", "Asia/Shanghai"),
            new Place("广东", "深圳", "440301", "Asia/Shanghai"), new Place("内蒙古", "乌海", "150301", "Asia/Shanghai"),
            new Place("四川", "成都", "510104", "Asia/Shanghai"), new Place("新疆", "乌鲁木齐", "650102", "Asia/Urumqi"));
    private static final List<Place> US_PLACES = List.of(
            new Place("NY", "New York", "212", "America/New_York"), new Place("IL", "Chicago", "312", "America/Chicago"),
            new Place("CA", "San Francisco", "415", "America/Los_Angeles"), new Place("AZ", "Phoenix", "602", "America/Phoenix"),
            new Place("CO", "Denver", "303", "America/Denver"));
    private static final List<Place> GB_PLACES = List.of(
            new Place("England", "London", "", "Europe/London"), new Place("England", "Leeds", "", "Europe/London"),
            new Place("Scotland", "Glasgow", "", "Europe/London"));

    private SyntheticPeople() {
    }

    static Person person(Random r, int index) {
        int slot = index % 20;
        if (slot < 14) {
            return chinese(r, index);
        }
        return slot < 17 ? american(r, index) : british(r, index);
    }

    static Person chinese(Random r, int index) {
        int s = r.nextInt(SURNAMES.length);
        Place p = CN_PLACES.get(r.nextInt(CN_PLACES.size()));
        LocalDate birth = LocalDate.of(1960, 1, 1).plusDays(r.nextInt(365 * 40));
        String body = p.regionCode() + birth.toString().replace("-", "") + String.format("%03d", r.nextInt(1000));
        String phone = "+86" + CN_MOBILE_PREFIXES[r.nextInt(CN_MOBILE_PREFIXES.length)] + String.format("%08d", r.nextInt(100_000_000));
        String email = r.nextInt(10) < 5 ? PINYIN_SURNAMES[s] + index + "@example.cn" : null;
        return new Person(SURNAMES[s] + GIVEN[r.nextInt(GIVEN.length)], body + chinaCheckDigit(body), "CN", p.region(),
                p.city(), "人民路 " + (1 + r.nextInt(999)) + " 号", p.timeZone(), phone, email, "zh-CN");
    }

    static Person american(Random r, int index) {
        Place p = US_PLACES.get(r.nextInt(US_PLACES.size()));
        String first = FIRST[r.nextInt(FIRST.length)];
        String last = LAST[r.nextInt(LAST.length)];
        String phone = "+1" + p.regionCode() + (2 + r.nextInt(8)) + String.format("%02d", r.nextInt(100)) + String.format("%04d", r.nextInt(10_000));
        String ssn = String.format("%03d%02d%04d", 100 + r.nextInt(600), 1 + r.nextInt(98), 1 + r.nextInt(9998));
        return new Person(first + " " + last, ssn, "US", p.region(), p.city(), (100 + r.nextInt(900)) + " Main Street",
                p.timeZone(), phone, first.toLowerCase() + "." + last.toLowerCase() + index + "@example.com", "en");
    }

    static Person british(Random r, int index) {
        Place p = GB_PLACES.get(r.nextInt(GB_PLACES.size()));
        String first = FIRST[r.nextInt(FIRST.length)];
        String last = LAST[r.nextInt(LAST.length)];
        String phone = "+447400" + String.format("%06d", r.nextInt(1_000_000));
        String ni = "QQ" + String.format("%06d", r.nextInt(1_000_000)) + "C";
        return new Person(first + " " + last, ni, "GB", p.region(), p.city(), (1 + r.nextInt(200)) + " High Street",
                p.timeZone(), phone, first.toLowerCase() + "." + last.toLowerCase() + index + "@example.co.uk", "en");
    }

    /** GB 11643-1999 (ISO 7064 MOD 11-2) check character of a resident identity number. */
    static char chinaCheckDigit(String first17) {
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * weights[i];
        }
        return "10X98765432".charAt(sum % 11);
    }
}

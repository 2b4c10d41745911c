#!/usr/bin/env python3
"""Independent oracle for Amity's arrangement options (docs/negotiation.md).

Shares no code with OptionCalculator.java or ScheduleCalculator.java: exact rational arithmetic (fractions.Fraction)
and only the conventions' own roundings (half-up to the cent for schedule amounts; down to the cent for the
affordable limit, fee waiver and settlement discount). Run from the repository root:

    python3 src/test/resources/arrangement-oracle.py

It rewrites src/test/resources/arrangement-oracle/<case>/<optionId>.csv (number,due_date,principal,interest) and
src/test/resources/arrangement-oracle/summary.csv, which OptionCalculatorOracleTest compares field by field.
"""
import calendar
import datetime
import os
from decimal import Decimal
from fractions import Fraction as F

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "arrangement-oracle")

# The policies of the cases: a copy of the bundled CONSUMER / HOUSING / CREDIT_CARD numbers used here.
CONSUMER = dict(method="SAME_AS_LOAN", terms=[6, 12, 18, 24, 36, 48, 60], max_term=60, share=F("0.50"),
                min_first=F("100"), max_waiver=F("20000"), fee_share=F("1"), ext=12, rate_factor=F("0.50"),
                holiday=3, capitalise=True, discount=F("0.20"),
                offers=[(0, 30, ["PAYMENT_HOLIDAY", "TERM_EXTENSION", "INSTALMENT_PLAN", "FEE_WAIVER"]),
                        (31, 90, ["INSTALMENT_PLAN", "TERM_EXTENSION", "PAYMENT_HOLIDAY", "FEE_WAIVER", "RATE_REDUCTION"]),
                        (91, None, ["INSTALMENT_PLAN", "FEE_WAIVER", "RATE_REDUCTION", "SETTLEMENT"])])
HOUSING = dict(CONSUMER, terms=[12, 24, 36, 60, 120, 240, 360], max_term=360, ext=60, max_waiver=F("50000"))
CREDIT_CARD = dict(method="EQUAL_INSTALLMENT", terms=[6, 12, 24, 36, 48, 60], max_term=60, share=F("0.50"),
                   min_first=F("100"), max_waiver=F("10000"), fee_share=F("1"), ext=12, rate_factor=F("0.50"),
                   holiday=2, capitalise=False, discount=F("0.10"),
                   offers=[(0, 30, ["PAYMENT_HOLIDAY", "INSTALMENT_PLAN", "FEE_WAIVER"]),
                           (31, None, ["INSTALMENT_PLAN", "FEE_WAIVER", "RATE_REDUCTION", "SETTLEMENT"])])

# name, policy, rate, loan method, business date, dpd, unpaid principal, arrears interest, arrears fees,
# remaining term, income, essential expenses
CASES = [
    ("consumer-45dpd-ei", CONSUMER, "0.12", "EQUAL_INSTALLMENT", "2026-11-23", 45, "27000.00", "540.00", "120.00", 16, "8000.00", "5000.00"),
    ("consumer-120dpd-ep", CONSUMER, "0.08", "EQUAL_PRINCIPAL", "2026-11-23", 120, "15000.00", "300.00", "450.50", 5, "6000.00", "4200.00"),
    ("consumer-10dpd-tight", CONSUMER, "0.0435", "EQUAL_INSTALLMENT", "2027-01-31", 10, "9999.99", "36.25", "0.00", 58, "3000.00", "2900.00"),
    ("housing-360m", HOUSING, "0.049", "EQUAL_INSTALLMENT", "2026-11-30", 40, "1000000.00", "8166.67", "0.00", 300, "30000.00", "12000.00"),
    ("card-20dpd", CREDIT_CARD, "0.18", "EQUAL_INSTALLMENT", "2026-11-23", 20, "48000.00", "1440.00", "960.00", 0, "10000.00", "6000.00"),
    ("card-60dpd-broke", CREDIT_CARD, "0.18", "EQUAL_INSTALLMENT", "2026-11-23", 60, "48000.00", "1440.00", "960.00", 0, "4000.00", "4500.00"),
]
ORDER = ["INSTALMENT_PLAN", "TERM_EXTENSION", "RATE_REDUCTION", "PAYMENT_HOLIDAY", "FEE_WAIVER", "SETTLEMENT"]


def half_up(x):
    assert x >= 0
    return F((x * 100 + F(1, 2)).__floor__(), 100)


def down(x):
    assert x >= 0
    return F((x * 100).__floor__(), 100)


def money(x):
    assert (x * 100).denominator == 1, x
    return str((Decimal(x.numerator) / Decimal(x.denominator)).quantize(Decimal("0.01")))


def add_months(d, k):
    m = d.month - 1 + k
    y, m = d.year + m // 12, m % 12 + 1
    return datetime.date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def schedule(p, rate, n, method, first):
    r = rate / 12
    rows, bal = [], p
    if method == "EQUAL_INSTALLMENT":
        pay = half_up(p / n) if r == 0 else half_up(p * r * (1 + r) ** n / ((1 + r) ** n - 1))
    else:
        slice_ = half_up(p / n)
    for k in range(1, n + 1):
        interest = half_up(bal * r)
        if k == n:
            prin = bal
        elif method == "EQUAL_INSTALLMENT":
            prin = max(F(0), min(pay - interest, bal))
        else:
            prin = min(slice_, bal)
        rows.append((k, add_months(first, k - 1), prin, interest))
        bal -= prin
    return rows


def options(pol, rate, method, today, dpd, up, ai, af, remaining, income, expenses):
    rate, up, ai, af = F(rate), F(up), F(ai), F(af)
    disposable = F(income) - F(expenses)
    limit = down(disposable * pol["share"]) if disposable > 0 else F(0)
    meth = method if pol["method"] == "SAME_AS_LOAN" else pol["method"]
    meth = "EQUAL_PRINCIPAL" if meth == "EQUAL_PRINCIPAL" else "EQUAL_INSTALLMENT"
    first = add_months(today, 1)
    bal = up + ai + af
    offered = next(t for lo, hi, t in pol["offers"] if dpd >= lo and (hi is None or dpd <= hi))
    rem = min(max(1, remaining), pol["max_term"])
    big = lambda s: max(p + i for _, _, p, i in s)
    out = []
    for typ in ORDER:
        if typ not in offered:
            continue
        waived, holiday, r = F(0), 0, rate
        if typ == "INSTALMENT_PLAN":
            s = None
            for t in pol["terms"]:
                c = schedule(bal, rate, t, meth, first)
                if s is not None and big(c) < pol["min_first"]:
                    break
                s = c
                if big(c) <= limit:
                    break
        elif typ == "TERM_EXTENSION":
            t = min(max(1, remaining) + pol["ext"], pol["max_term"])
            if t <= max(1, remaining):
                continue
            s = schedule(bal, rate, t, meth, first)
        elif typ == "RATE_REDUCTION":
            r = rate * pol["rate_factor"]
            s = schedule(bal, r, rem, meth, first)
        elif typ == "PAYMENT_HOLIDAY":
            holiday = pol["holiday"]
            b, hi = bal, F(0)
            for _ in range(holiday):
                i = half_up(b * rate / 12)
                hi += i
                if pol["capitalise"]:
                    b += i
            if not pol["capitalise"]:
                waived = hi
            s = schedule(b, rate, min(max(1, remaining), pol["max_term"] - holiday), meth, add_months(first, holiday))
        elif typ == "FEE_WAIVER":
            waived = min(down(af * pol["fee_share"]), pol["max_waiver"])
            if waived <= 0:
                continue
            s = schedule(bal - waived, rate, rem, meth, first)
        else:  # SETTLEMENT
            waived = min(down(bal * pol["discount"]), pol["max_waiver"])
            s = [(1, first, bal - waived, F(0))]
        total = sum(p + i for _, _, p, i in s)
        oid = f"{typ}-{len(s)}" + (f"-H{holiday}" if holiday else "")
        first_total = s[0][2] + s[0][3]  # the regular payment; affordability is judged on the largest instalment
        out.append((typ, oid, len(s), first_total, total, waived, big(s) <= limit, s, r))
    return limit, out


def main():
    os.makedirs(OUT, exist_ok=True)
    summary = ["case,optionId,type,termMonths,monthlyPayment,totalPayable,waivedAmount,affordable,affordableLimit"]
    for name, pol, rate, method, today, dpd, up, ai, af, rem, inc, exp in CASES:
        limit, opts = options(pol, rate, method, datetime.date.fromisoformat(today), dpd, up, ai, af, rem, inc, exp)
        os.makedirs(os.path.join(OUT, name), exist_ok=True)
        for typ, oid, n, monthly, total, waived, ok, s, r in opts:
            summary.append(",".join([name, oid, typ, str(n), money(monthly), money(total), money(waived),
                                     str(ok).lower(), money(limit)]))
            with open(os.path.join(OUT, name, oid + ".csv"), "w") as f:
                f.write("number,due_date,principal,interest\n")
                for k, d, p, i in s:
                    f.write(f"{k},{d.isoformat()},{money(p)},{money(i)}\n")
    with open(os.path.join(OUT, "summary.csv"), "w") as f:
        f.write("\n".join(summary) + "\n")
    print("\n".join(summary))


if __name__ == "__main__":
    main()

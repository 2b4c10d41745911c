#!/usr/bin/env python3
"""Independent oracle for Amity's repayment schedule convention (docs/schedule-convention.md).

It shares no code with ScheduleCalculator.java. All arithmetic is exact (fractions.Fraction); the only rounding
is the convention's own round_half_up(x, 2). So where the Java code approximates (for example a monthly rate
0.049/12 that has no finite decimal expansion) a difference shows up as a failing test, not as a shared error.

    monthly rate r = annualRate / 12
    EQUAL_INSTALLMENT: payment = round_half_up(P·r·(1+r)^n / ((1+r)^n − 1), 2)   (P / n when r = 0)
                       interest_k = round_half_up(opening balance × r, 2); principal_k = payment − interest_k
    EQUAL_PRINCIPAL:   principal_k = round_half_up(P / n, 2); interest as above
    both:              the last instalment's principal is the remaining balance
    due date k:        first due date + (k − 1) months, same day of month clamped to the month's end

Run from the repository root:

    python3 src/test/resources/schedule-oracle.py

It rewrites src/test/resources/schedule-oracle/<case>.csv (number,due_date,principal,interest) and prints the
summary rows pasted into ScheduleCalculatorTest.
"""
import calendar
import datetime
import os
from decimal import Decimal, ROUND_HALF_UP, getcontext
from fractions import Fraction

getcontext().prec = 80

# name, principal, annual rate, months, method, first due date
CASES = [
    ("ei-12000-6pct-12m", "12000.00", "0.06", 12, "EQUAL_INSTALLMENT", "2026-01-15"),
    ("ep-12000-6pct-12m", "12000.00", "0.06", 12, "EQUAL_PRINCIPAL", "2026-01-15"),
    ("ei-1000000-4.9pct-360m", "1000000.00", "0.049", 360, "EQUAL_INSTALLMENT", "2026-01-31"),
    ("ep-1000000-4.9pct-360m", "1000000.00", "0.049", 360, "EQUAL_PRINCIPAL", "2026-01-31"),
    ("ei-1000000-zero-360m", "1000000.00", "0", 360, "EQUAL_INSTALLMENT", "2026-03-10"),
    ("ei-10000-zero-3m", "10000.00", "0", 3, "EQUAL_INSTALLMENT", "2026-03-10"),
    ("ep-10000-zero-3m", "10000.00", "0", 3, "EQUAL_PRINCIPAL", "2026-03-10"),
    ("ei-5000-12pct-1m", "5000.00", "0.12", 1, "EQUAL_INSTALLMENT", "2026-12-31"),
    ("ep-5000-12pct-1m", "5000.00", "0.12", 1, "EQUAL_PRINCIPAL", "2026-12-31"),
    ("ei-60-4.9pct-1m", "60.00", "0.049", 1, "EQUAL_INSTALLMENT", "2026-05-20"),
    ("ep-120-4.35pct-3m", "120.00", "0.0435", 3, "EQUAL_PRINCIPAL", "2026-05-20"),
    ("ep-100000-4.35pct-24m", "100000.00", "0.0435", 24, "EQUAL_PRINCIPAL", "2028-01-31"),
    ("ei-100000-4.35pct-24m", "100000.00", "0.0435", 24, "EQUAL_INSTALLMENT", "2028-01-31"),
]


def round_half_up(x: Fraction) -> Fraction:
    """Nearest cent, ties away from zero (all amounts here are non-negative)."""
    assert x >= 0
    cents = (x * 100 + Fraction(1, 2)).__floor__()
    return Fraction(cents, 100)


def money(x: Fraction) -> str:
    """Formats an amount that is already a whole number of cents."""
    assert (x * 100).denominator == 1, x
    return str((Decimal(x.numerator) / Decimal(x.denominator)).quantize(Decimal("0.01")))


def due_date(first: datetime.date, k: int) -> datetime.date:
    months = first.month - 1 + (k - 1)
    year, month = first.year + months // 12, months % 12 + 1
    day = min(first.day, calendar.monthrange(year, month)[1])
    return datetime.date(year, month, day)


def schedule(p: Fraction, annual: Fraction, n: int, method: str, first: datetime.date):
    r = annual / 12
    if method == "EQUAL_INSTALLMENT":
        if r == 0:
            payment = round_half_up(p / n)
        else:
            g = (1 + r) ** n
            payment = round_half_up(p * r * g / (g - 1))
    else:
        slice_ = round_half_up(p / n)
    rows, balance = [], p
    for k in range(1, n + 1):
        interest = round_half_up(balance * r)
        if k == n:
            principal = balance
        elif method == "EQUAL_INSTALLMENT":
            principal = payment - interest
        else:
            principal = slice_
        assert 0 <= principal <= balance, (k, principal, balance)
        rows.append((k, due_date(first, k), principal, interest))
        balance -= principal
    assert balance == 0
    return rows


def main():
    out_dir = os.path.join(os.path.dirname(os.path.abspath(__file__)), "schedule-oracle")
    os.makedirs(out_dir, exist_ok=True)
    print("case | first payment | first principal | first interest | last due | last principal | last interest"
          " | total interest")
    for name, p, rate, n, method, first in CASES:
        rows = schedule(Fraction(p), Fraction(rate), n, method, datetime.date.fromisoformat(first))
        with open(os.path.join(out_dir, name + ".csv"), "w") as f:
            f.write("number,due_date,principal,interest\n")
            for k, d, pr, i in rows:
                f.write(f"{k},{d.isoformat()},{money(pr)},{money(i)}\n")
        (_, _, p1, i1), (_, dn, pn, i_n) = rows[0], rows[-1]
        total_interest = sum(i for _, _, _, i in rows)
        print(f'"{name}, {p}, {rate}, {n}, {method}, {first}, {money(p1 + i1)}, {money(p1)}, {money(i1)}, '
              f'{dn.isoformat()}, {money(pn)}, {money(i_n)}, {money(total_interest)}",')


if __name__ == "__main__":
    main()

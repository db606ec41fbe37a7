"""Approximate exchange rates to USD, to compare prices with retail and sort them."""

from __future__ import annotations

# USD per unit of each currency, as of RATES_DATE (approximate: a price's order of magnitude
# is what the scorer and the reviewers' sort need).
RATES_DATE = "2026-11-01"
USD_PER_UNIT = {
    "USD": 1.0, "EUR": 1.08, "GBP": 1.27, "CNY": 0.14, "JPY": 0.0067, "HKD": 0.128,
    "CAD": 0.73, "AUD": 0.66, "BRL": 0.18, "INR": 0.012, "RUB": 0.011, "KRW": 0.00073,
    "TRY": 0.029, "PLN": 0.25, "RSD": 0.0092, "CHF": 1.13, "MXN": 0.055, "SGD": 0.75,
    "MYR": 0.22, "THB": 0.028, "PHP": 0.017, "VND": 0.00004, "SEK": 0.095, "NOK": 0.093,
    "DKK": 0.145, "CZK": 0.043, "HUF": 0.0027, "AED": 0.27, "SAR": 0.27, "ZAR": 0.055,
    "NZD": 0.6, "TWD": 0.031, "IDR": 0.000063, "ILS": 0.27, "UAH": 0.024,
}


def usd(amount: float | None, currency: str | None) -> float | None:
    """An amount in USD; listings without a currency are taken to be in USD."""
    if amount is None:
        return None
    rate = USD_PER_UNIT.get((currency or "USD").upper())
    return amount * rate if rate else None

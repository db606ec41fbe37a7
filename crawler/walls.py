"""Bot walls: captcha and "punish" interception pages, judged on the whole document."""

from __future__ import annotations

from urllib.parse import urlsplit

WALL_PATHS = ("/_____tmd_____/", "/punish")
# Found only on interception pages: one is enough.
STRONG_MARKERS = ("x5secdata", "punish-component", "/_____tmd_____/punish", "nc_1_n1z",
                  "captcha interception", "unusual traffic from your network", "cf-challenge",
                  "challenge-platform", "errors.edgesuite.net")
# Also in the anti-bot scripts of ordinary pages: two are needed.
WEAK_MARKERS = ("nocaptcha", "x5sec", "baxia", "_____tmd_____", "punish")
WALL_TITLES = ("captcha interception", "security verification", "access denied",
               "slide to verify", "verify you are human", "robot check", "just a moment",
               "attention required", "滑动验证", "验证码拦截", "安全验证")
MAX_TITLES = 50  # a page with more <title> tags than this is not a wall page
TITLE_LENGTH = 300


def _titles(lowered: str) -> list[str]:
    """The text of every <title> element, wherever in the document it stands."""
    titles, start = [], lowered.find("<title")
    while start >= 0 and len(titles) < MAX_TITLES:
        opened = lowered.find(">", start, start + TITLE_LENGTH)
        if opened < 0:
            break
        closed = lowered.find("</title", opened, opened + TITLE_LENGTH)
        titles.append(lowered[opened + 1:closed if closed >= 0 else opened + TITLE_LENGTH])
        start = lowered.find("<title", opened)
    return titles


def is_wall_url(url: str) -> bool:
    """A URL of an interception page (where a wall redirects to)."""
    return any(path in urlsplit(url).path for path in WALL_PATHS) or "x5secdata=" in url


def is_wall_text(text: str) -> bool:
    """A captcha or "punish" interception page, by a title or markers anywhere in it.

    Linear in the page's size (one lowercase copy, then substring searches), so a 32 MB
    page costs tens of milliseconds; page objects ask only of pages that show no results.
    """
    lowered = text.lower()
    if any(marker in lowered for marker in STRONG_MARKERS):
        return True
    if any(wall in title for title in _titles(lowered) for wall in WALL_TITLES):
        return True
    return sum(marker in lowered for marker in WEAK_MARKERS) >= 2

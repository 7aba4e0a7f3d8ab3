"""Where a job is, once read: the `Location` a job description carries.

Reading a place from what people write ("Hybrid - Boston, MA") is `_places`'s job,
with its tables of countries and regions; this module holds only the result, so a
job description without a place never loads those tables.
"""

# No `from __future__ import annotations` (as in _models.py): pydantic would then
# evaluate every annotation string when the model is created, at start-up.
from pydantic import Field

from ._models import Key, Record, WorkModel

__all__ = ["WORK_MODEL_ALIASES", "Location"]

#: Other words for each work model, accepted where a work model is given (``work_model="wfh"``).
WORK_MODEL_ALIASES: dict[str, tuple[str, ...]] = {
    "onsite": ("on-site", "on site", "office", "in office", "in-office"),
    "hybrid": ("partly remote", "flexible"),
    "remote": ("fully remote", "wfh", "work from home", "distributed", "telecommute", "anywhere"),
}


class Location(Record):
    """Where the job is done, as a posting states it.

    Examples:
        >>> loc = csm_roles.parse_location("Hybrid - Boston, MA (3 days in office)")
        >>> loc.work_model, loc.locality, loc.region, loc.country, loc.days_on_site
        ('hybrid', 'Boston', 'MA', 'US', 3)
        >>> loc.label
        'Hybrid, Boston, MA (3 days a week on site)'
    """

    work_model: WorkModel
    locality: str | None = None
    region: str | None = Field(default=None, description="State or province code (US and Canada).")
    region_name: str | None = None
    country: str = Field(default="US", pattern=r"^[A-Z]{2}$")
    country_name: str = "United States"
    country_phrase: str = Field(
        default="the United States", description="The country's name inside a sentence."
    )
    metro: Key | None = Field(default=None, description="The guides' metro this place belongs to, if any.")
    metro_name: str | None = None
    days_on_site: int | None = Field(default=None, ge=1, le=5)
    time_zone: str | None = None
    given: str | None = Field(default=None, description="The location as the caller wrote it.")

    @property
    def place(self) -> str | None:
        """City and region ("Boston, MA"), city and country ("London, United Kingdom"), or None."""
        if self.locality:
            where = self.region if self.region and self.country in ("US", "CA") else self.country_name
            return f"{self.locality}, {where}"
        if self.region:
            return f"{self.region_name or self.region}, {self.country_name}"
        return None

    @property
    def label(self) -> str:
        """Human label: "Hybrid, Boston, MA", "Remote (United States)", "On-site, London, United Kingdom"."""
        if self.work_model == "remote":
            within = self.place or self.country_name
            return f"Remote ({within}{', ' + self.time_zone if self.time_zone else ''})"
        model = {"onsite": "On-site", "hybrid": "Hybrid"}[self.work_model]
        text = f"{model}, {self.place}" if self.place else f"{model} ({self.country_name})"
        if self.days_on_site:
            text += f" ({self.days_on_site} day{'s' if self.days_on_site > 1 else ''} a week on site)"
        return text

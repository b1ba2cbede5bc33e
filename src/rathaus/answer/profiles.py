"""Answer backends and assistant profiles, read from one TOML file.

    # rathaus.toml (RATHAUS_CONFIG, default: rathaus.toml in the data directory)
    [backends.gpu]
    kind = "openai"                 # extractive | openai | llamacpp | a plugin's name
    url = "http://gpu.intern:8000/v1"
    model = "Qwen2.5-32B-Instruct"
    trusted = true

    [assistants.public]
    backend = "gpu"
    collections = ["ratsinformation", "leistungen"]   # empty: every public collection
    handoff = "Rufen Sie die Behördennummer 115 an oder schreiben Sie an buergerservice@musterstadt.de."

Without a file there is one backend, ``extractive``, and one assistant, ``public``, using it.
The ``public`` assistant (and any with ``audience = "public"``) only ever reads collections
classified *offen*: the engine searches as an anonymous caller whatever the profile says.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from rathaus.config import CONFIG_SECTIONS, read_config_file
from rathaus.errors import ConfigError
from rathaus.privacy.policy import PrivacyPolicy

DEFAULT_HANDOFF_DE = ("Wenden Sie sich bitte an die Behördennummer 115 (Montag bis Freitag, 8 bis 18 Uhr) "
                      "oder an das zuständige Amt.")
DEFAULT_HANDOFF_EN = ("Please call the public-service number 115 (Monday to Friday, 8 am to 6 pm) "
                      "or contact the responsible office.")


@dataclass
class AssistantProfile:
    name: str
    backend: str = "extractive"
    audience: str = "public"  # public: anonymous citizens, offen collections only; staff: signed-in staff
    collections: list[str] = field(default_factory=list)  # empty: all the audience may read
    sources: int = 6  # numbered passages given to the backend
    source_chars: int = 1500  # characters of each passage a model reads (small local models: less)
    min_coverage: float = 0.4  # below this share of the question's weighted topic words in one source: refuse
    stale_after_days: int = 730  # older documents get a notice
    handoff: str = DEFAULT_HANDOFF_DE
    handoff_en: str = DEFAULT_HANDOFF_EN
    title: str = "Auskunftsassistent"

    def __post_init__(self) -> None:
        if self.audience not in ("public", "staff"):
            raise ConfigError(f"assistant {self.name!r}: audience must be 'public' or 'staff'")
        if not 1 <= self.sources <= 20:
            raise ConfigError(f"assistant {self.name!r}: sources must be between 1 and 20")
        if not 0 <= self.min_coverage <= 1:
            raise ConfigError(f"assistant {self.name!r}: min_coverage must be between 0 and 1")


@dataclass
class AnswerConfig:
    backends: dict[str, dict[str, Any]]
    assistants: dict[str, AssistantProfile]
    path: Path | None = None
    privacy: PrivacyPolicy = field(default_factory=PrivacyPolicy)

    def assistant(self, name: str) -> AssistantProfile:
        if name not in self.assistants:
            raise ConfigError(f"unknown assistant {name!r}; configured: {', '.join(sorted(self.assistants))}",
                              user_message="Diesen Assistenten gibt es nicht.")
        return self.assistants[name]


def default_config() -> AnswerConfig:
    return AnswerConfig({"extractive": {"kind": "extractive", "name": "extractive"}},
                        {"public": AssistantProfile("public"),
                         "internal": AssistantProfile("internal", audience="staff",
                                                      title="Assistent für Mitarbeitende")})


def parse_config(data: dict[str, Any], path: Path | None = None) -> AnswerConfig:
    unknown = set(data) - CONFIG_SECTIONS
    if unknown:
        raise ConfigError(f"{path or 'config'}: unknown section(s) {', '.join(sorted(unknown))}")
    config = default_config()
    config.path = path
    config.privacy = PrivacyPolicy.from_table(data.get("privacy"))
    for name, table in (data.get("backends") or {}).items():
        if not isinstance(table, dict) or not table.get("kind"):
            raise ConfigError(f"backend {name!r} needs a 'kind' (extractive, openai, llamacpp)")
        config.backends[name] = {**table, "name": name}
    if config.privacy.name_model and config.privacy.name_model not in config.backends:
        raise ConfigError(f"[privacy] name_model: backend {config.privacy.name_model!r} is not configured")
    allowed = {f.name for f in fields(AssistantProfile)} - {"name"}
    for name, table in (data.get("assistants") or {}).items():
        extra = set(table) - allowed
        if extra:
            raise ConfigError(f"assistant {name!r}: unknown key(s) {', '.join(sorted(extra))}")
        profile = AssistantProfile(name, **table)
        if profile.backend not in config.backends:
            raise ConfigError(f"assistant {name!r} uses backend {profile.backend!r}, which is not configured")
        config.assistants[name] = profile
    return config


def load_config(settings: Any) -> AnswerConfig:
    data, path = read_config_file(settings)
    return parse_config(data, path) if path else default_config()

"""The providers the operator configured: the only model endpoints the app may call.

The operator (whoever runs the server) names providers in the environment or in a TOML
file; staff may switch among them on the Settings page; customers always get the default.
Nobody in a browser can point the server at a new URL that receives an operator's key:
a key is read from the environment variable the operator named for that provider, and a
URL typed by staff goes out only with the key typed beside it (`custom_params`).

Sources, in order:
- ``default``: the classic variables (STOREDESK_PROVIDER, OPENAI_BASE_URL, STOREDESK_MODEL,
  OPENAI_API_KEY), as before;
- ``offline``: the offline engine, when installed;
- every ``[providers.NAME]`` table of the TOML file named by ``STOREDESK_PROVIDERS``::

      default = "mini"                    # optional: which one customers get

      [providers.mini]
      kind = "openai"                     # openai | openai-responses | offline
      model = "gpt-4o-mini"
      label = "OpenAI gpt-4o-mini"        # optional, shown to staff

      [providers.deepseek]
      kind = "openai"
      model = "deepseek-chat"
      base_url = "https://api.deepseek.com/v1"
      api_key_env = "DEEPSEEK_API_KEY"    # the variable holding its key (never the key)

  Without ``api_key_env`` a provider gets OPENAI_API_KEY only when it has no base URL of
  its own (or the same one as OPENAI_BASE_URL), and no key otherwise.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path

from pydantic import SecretStr

from app.agent.providers import ModelParams, ProviderConfigError, offline_available
from app.settings import PROVIDERS, AppSettings

DEFAULT = "default"
OFFLINE = "offline"
MAX_PROVIDERS = 32


@dataclass(frozen=True)
class ConfiguredProvider:
    name: str
    kind: str  # offline | openai | openai-responses
    model: str = ""
    base_url: str | None = None
    api_key_env: str | None = None  # name of the environment variable with the key
    label: str = ""

    def params(self, settings: AppSettings) -> ModelParams:
        """What `make_model` needs; the key comes from the operator's environment only."""
        key: SecretStr | None = None
        if self.api_key_env:
            value = os.environ.get(self.api_key_env, "").strip()
            key = SecretStr(value) if value else None
        elif not self.base_url or self.base_url == settings.openai_base_url:
            key = settings.openai_api_key
        return ModelParams(
            provider=self.kind,
            model=self.model or None,
            base_url=self.base_url,
            api_key=key,
        )

    @property
    def title(self) -> str:
        if self.label:
            return self.label
        if self.kind == OFFLINE:
            return "Offline engine (rule-based, no API key)"
        return f"{self.name}: {self.model or 'default model'}"


class ProvidersFileError(ProviderConfigError):
    """The STOREDESK_PROVIDERS file cannot be used; the message says why."""


def _from_env(settings: AppSettings) -> ConfiguredProvider:
    kind = settings.provider
    return ConfiguredProvider(
        name=DEFAULT,
        kind=kind,
        model="" if kind == OFFLINE else settings.storedesk_model,
        base_url=settings.openai_base_url or None,
        label="Default (from the environment)"
        if kind != OFFLINE
        else "Offline engine (rule-based, no API key)",
    )


def _from_file(path: Path) -> tuple[str | None, list[ConfiguredProvider]]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ProvidersFileError(f"Cannot read the providers file {path}: {exc}") from None
    tables = data.get("providers", {})
    if not isinstance(tables, dict) or len(tables) > MAX_PROVIDERS:
        raise ProvidersFileError(f"{path}: [providers.NAME] tables expected (at most 32).")
    found = []
    for name, table in tables.items():
        if not isinstance(table, dict):
            raise ProvidersFileError(f"{path}: providers.{name} must be a table.")
        kind = str(table.get("kind", "openai"))
        if kind not in PROVIDERS:
            raise ProvidersFileError(f"{path}: providers.{name}.kind must be one of {PROVIDERS}.")
        if "api_key" in table:
            raise ProvidersFileError(
                f"{path}: providers.{name}: put the key in an environment variable and name "
                "it with api_key_env; keys are not read from this file."
            )
        base_url = str(table["base_url"]).strip() if table.get("base_url") else None
        if base_url and not base_url.startswith(("http://", "https://")):
            raise ProvidersFileError(f"{path}: providers.{name}.base_url must be http(s).")
        found.append(
            ConfiguredProvider(
                name=str(name),
                kind=kind,
                model=str(table.get("model", "")),
                base_url=base_url,
                api_key_env=str(table["api_key_env"]) if table.get("api_key_env") else None,
                label=str(table.get("label", "")),
            )
        )
    default = data.get("default")
    return (str(default) if default else None), found


def configured_providers(settings: AppSettings | None = None) -> dict[str, ConfiguredProvider]:
    """Every provider the operator configured, the customers' default first."""
    settings = settings or AppSettings()
    found = [_from_env(settings)]
    if found[0].kind != OFFLINE and offline_available():
        found.append(ConfiguredProvider(name=OFFLINE, kind=OFFLINE))
    default_name = DEFAULT
    path = os.environ.get("STOREDESK_PROVIDERS", "").strip()
    if path:
        chosen, from_file = _from_file(Path(path))
        found.extend(from_file)
        default_name = chosen or DEFAULT
    providers = {p.name: p for p in found}
    if default_name not in providers:
        raise ProvidersFileError(f"The default provider {default_name!r} is not configured.")
    return {default_name: providers[default_name], **providers}


def default_provider(settings: AppSettings | None = None) -> ConfiguredProvider:
    return next(iter(configured_providers(settings).values()))


def custom_params(
    *, kind: str, base_url: str, model: str, api_key: SecretStr | None
) -> ModelParams:
    """A staff member's own endpoint: the URL goes out with the key typed beside it or
    with none, never with a key of the operator's."""
    return ModelParams(provider=kind, model=model or None, base_url=base_url, api_key=api_key)

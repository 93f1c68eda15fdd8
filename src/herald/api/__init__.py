"""The REST API and dashboard server over a Herald store (`herald serve`). See docs/dashboard.md."""
from herald.api.app import create_app
from herald.api.config import ApiConfig

__all__ = ["ApiConfig", "create_app"]

"""WSGI entry point (gunicorn cairn.wsgi; runserver serves it too)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cairn.settings")
application = get_wsgi_application()

from cairn.accounts.checks import refuse_insecure_start  # noqa: E402  (needs settings loaded)

refuse_insecure_start()

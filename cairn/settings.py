"""Settings for Cairn, read from the environment (see `.env.example` for every variable).

Safe defaults: SQLite in the project folder, debug off, secure cookies whenever the
service is not running on the loopback interface. Wiring only: no behaviour lives here.
"""

from datetime import timedelta
from pathlib import Path

import environ
from csp.constants import NONCE

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("CAIRN_DEBUG", default=False)
CAIRN_DEMO = env.bool("CAIRN_DEMO", default=False)
# The development key is public: `check --deploy` fails with it, and cairn.wsgi (gunicorn,
# runserver) refuses to start with it unless CAIRN_INSECURE_LOCAL or CAIRN_DEMO is on.
CAIRN_DEVELOPMENT_SECRET_KEY = (
    "insecure-development-key-replace-in-production-0123456789abcdefghijklmnopqrstuvwxyz"
)
SECRET_KEY = env.str("CAIRN_SECRET_KEY", default=CAIRN_DEVELOPMENT_SECRET_KEY)
ALLOWED_HOSTS = env.list("CAIRN_ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("CAIRN_CSRF_TRUSTED_ORIGINS", default=[])

# Secure by default; a plain-HTTP local run (make run, tests) opts out explicitly.
CAIRN_INSECURE_LOCAL = env.bool("CAIRN_INSECURE_LOCAL", default=False)
SECURE_SSL_REDIRECT = not CAIRN_INSECURE_LOCAL
SESSION_COOKIE_SECURE = not CAIRN_INSECURE_LOCAL
CSRF_COOKIE_SECURE = not CAIRN_INSECURE_LOCAL
SECURE_HSTS_SECONDS = 0 if CAIRN_INSECURE_LOCAL else 31_536_000
SECURE_HSTS_INCLUDE_SUBDOMAINS = not CAIRN_INSECURE_LOCAL
SECURE_HSTS_PRELOAD = not CAIRN_INSECURE_LOCAL
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = False  # the API reads it for X-CSRFToken on session-authenticated writes

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "rules.apps.AutodiscoverRulesConfig",
    "django_htmx",
    "ninja",
    "csp",
    "cairn.ui",
    "cairn.framework",
    "cairn.accounts",
    "cairn.audit",
    "cairn.records",
    "cairn.assessment",
    "cairn.judgements",
    "cairn.timeline",
    "cairn.plans",
    "cairn.childplan",
    "cairn.quality",
    "cairn.reports",
    "cairn.demo",
    "cairn.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "cairn.accounts.middleware.IdleTimeoutMiddleware",
    "cairn.accounts.middleware.TwoFactorRequiredMiddleware",
    "cairn.accounts.middleware.ActiveMembershipMiddleware",
    "cairn.accounts.middleware.NoStoreMiddleware",
    "cairn.api.middleware.RefuseUnsafeTextMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "csp.middleware.CSPMiddleware",
    "axes.middleware.AxesMiddleware",
    "cairn.records.middleware.RestrictedRecordMiddleware",
]

ROOT_URLCONF = "cairn.urls"
WSGI_APPLICATION = "cairn.wsgi.application"

TEMPLATES = [
    {
        # Django's Jinja2 backend, with each page made safe to send (cairn.ui.backend).
        "BACKEND": "cairn.ui.backend.Jinja2",
        "NAME": "jinja2",
        "DIRS": [BASE_DIR / "cairn" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "environment": "cairn.ui.jinja.environment",
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.messages.context_processors.messages",
                "cairn.ui.context.service",
            ],
        },
    },
    {
        # Django's own templates (form widgets, django-ninja's docs page) stay on the default engine.
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'cairn.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].update(
        {
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:sign-in"
LOGIN_REDIRECT_URL = "records:my-caseload"
LOGOUT_REDIRECT_URL = "accounts:signed-out"

# Sessions end after a period without activity; the page warns two minutes before.
CAIRN_IDLE_TIMEOUT = timedelta(minutes=env.int("CAIRN_IDLE_TIMEOUT_MINUTES", default=30))
CAIRN_IDLE_WARNING = timedelta(minutes=2)
SESSION_COOKIE_AGE = int(CAIRN_IDLE_TIMEOUT.total_seconds()) + 60
SESSION_SAVE_EVERY_REQUEST = False

# Sign-in lockout (django-axes): five failures lock the account for fifteen minutes.
AXES_FAILURE_LIMIT = env.int("CAIRN_LOCKOUT_FAILURES", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("CAIRN_LOCKOUT_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = ["username"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "cairn.accounts.views.locked_out"
AXES_VERBOSE = False

OTP_TOTP_ISSUER = "Cairn"

LANGUAGE_CODE = "en-gb"
LANGUAGES = [("en-gb", "English"), ("cy", "Cymraeg")]
LOCALE_PATHS = [BASE_DIR / "cairn" / "locale"]
LANGUAGE_COOKIE_NAME = "cairn_language"
LANGUAGE_COOKIE_SECURE = not CAIRN_INSECURE_LOCAL
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "build"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        # NONCE (not the text "'nonce'", which browsers ignore) becomes this response's
        # 'nonce-…', issued by the pages' inline script (ui.context.service).
        "script-src": ["'self'", NONCE],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'none'"],
        "object-src": ["'none'"],
    }
}

MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("CAIRN_LOG_LEVEL", default="WARNING")},
}

CAIRN_PAGE_SIZE = 25
# The rules that propose risk ratings and intervention levels (cairn/judgements/rules/default.yaml
# when unset): a service's own impact-by-likelihood matrix and intervention table.
CAIRN_JUDGEMENT_RULES = env.str("CAIRN_JUDGEMENT_RULES", default="")
CSRF_FAILURE_VIEW = "cairn.ui.views.csrf_failure"

# Lockout is per account: locking by IP address would lock out a whole office behind one
# NAT address after one person's mistakes.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]

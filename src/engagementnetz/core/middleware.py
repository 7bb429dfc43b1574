from csp.constants import HEADER, HEADER_REPORT_ONLY
from csp.middleware import CheckableLazyObject, CSPMiddleware
from csp.utils import build_policy
from django.conf import settings
from django.http import QueryDict
from django.utils import translation


class SecurityHeadersMiddleware:
    """Headers Django has no setting for."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        response.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        return response


class NullCharacterMiddleware:
    """Drop NUL characters from the address's parameters.

    No browser sends them; PostgreSQL cannot even compare text containing them, so a filter
    or search with one would end in an error instead of a page.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "%00" in request.META.get("QUERY_STRING", ""):
            cleaned = QueryDict(mutable=True)
            for name, values in request.GET.lists():
                cleaned.setlist(name.replace("\x00", ""), [v.replace("\x00", "") for v in values])
            cleaned._mutable = False
            request.GET = cleaned
        return self.get_response(request)


class LanguageMiddleware:
    """German unless the visitor chose English with the switch in the header.

    The browser's Accept-Language is deliberately ignored: the site of a German town is German
    first, and the choice stays with the person (stored in a necessary cookie).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        patch = response.get("Vary", "")
        if "Cookie" not in patch:
            response["Vary"] = f"{patch}, Cookie" if patch else "Cookie"
        translation.deactivate()
        return response


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the site's policy built once instead of per response.

    Building the header from the settings took a tenth of the time of answering a kept page.
    Responses that change the policy (``csp_replace``, ``csp_update``, …), are exempt or use
    a nonce take the library's own way.
    """

    _PER_RESPONSE = (
        "_csp_config",
        "_csp_update",
        "_csp_replace",
        "_csp_exempt",
        "_csp_config_ro",
        "_csp_update_ro",
        "_csp_replace_ro",
        "_csp_exempt_ro",
    )

    def __init__(self, get_response):
        super().__init__(get_response)
        self._built_for = None
        self._headers: tuple[str, str] = ("", "")

    def _site_headers(self) -> tuple[str, str]:
        policies = (
            getattr(settings, "CONTENT_SECURITY_POLICY", None),
            getattr(settings, "CONTENT_SECURITY_POLICY_REPORT_ONLY", None),
        )
        built_for = self._built_for
        if built_for is None or any(a is not b for a, b in zip(built_for, policies, strict=True)):
            # First use, or other settings (tests override them).
            self._headers = (build_policy(), build_policy(report_only=True))
            self._built_for = policies
        return self._headers

    def process_response(self, request, response):
        if (
            any(getattr(response, name, None) for name in self._PER_RESPONSE)
            or getattr(request, "_csp_nonce", None) is not None
            or settings.DEBUG
        ):
            return super().process_response(request, response)
        policy, report_only = self._site_headers()
        for header, value, setting in (
            (HEADER, policy, "CONTENT_SECURITY_POLICY"),
            (HEADER_REPORT_ONLY, report_only, "CONTENT_SECURITY_POLICY_REPORT_ONLY"),
        ):
            prefixes = (getattr(settings, setting, None) or {}).get("EXCLUDE_URL_PREFIXES") or ()
            if value and header not in response and not request.path_info.startswith(prefixes):
                response[header] = value
        request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
        return response

from django.shortcuts import redirect

from .rules import is_network_office

PROTECTED_PREFIXES = ("/netzwerkbuero/", "/admin/")


class StaffMFAMiddleware:
    """People of the network office must set up TOTP before they reach any work area."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(PROTECTED_PREFIXES) and self.needs_mfa_setup(request.user):
            return redirect("mfa_activate_totp")
        return self.get_response(request)

    @staticmethod
    def needs_mfa_setup(user) -> bool:
        if not getattr(user, "is_authenticated", False):
            return False
        if not (user.is_staff or is_network_office(user)):
            return False
        from allauth.mfa.models import Authenticator

        return not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()

from django import forms
from django.utils.translation import gettext_lazy as _


class TokenForm(forms.Form):
    name = forms.CharField(
        label=_("What is the token for?"),
        max_length=100,
        help_text=_("For example “Website of the club” – so you can tell your tokens apart."),
    )

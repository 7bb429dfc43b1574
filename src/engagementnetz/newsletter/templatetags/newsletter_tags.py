from django import template

from engagementnetz.newsletter.content import Topic

register = template.Library()


@register.simple_tag
def topic_choices():
    return Topic.choices

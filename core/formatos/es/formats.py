"""Spanish as written in Ecuador (es-EC): 1.234,5, a dot between thousands where Django's Spanish
locale puts a non-breaking space. Only what differs from django/conf/locale/es/formats.py is here;
Django reads the rest from its own module (settings.FORMAT_MODULE_PATH)."""

THOUSAND_SEPARATOR = "."

from django.contrib.admin.apps import AdminConfig


class PortalAdminConfig(AdminConfig):
    """django.contrib.admin with the portal's site (see core/sitio_admin.py)."""

    default_site = "core.sitio_admin.PortalAdminSite"

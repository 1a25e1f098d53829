"""Channels beyond e-mail: SMS (Kannel) and WhatsApp (Cloud API) for convocations, replies,
reminders, commitment follow-up and citizens' questions (docs/canales.md)."""

"""Send a beat entry exactly as celery beat does (prepended to code run in the stack's shell).

celery.beat.Scheduler.apply_async: the registered task's own apply_async (with its options and
limits checked) when beat knows the task, app.send_task otherwise; any error is beat's error.
"""

from celery.beat import ScheduleEntry, Scheduler

from config.celery import app

# What beat does when it starts: import every task module, so that the registered tasks (bound
# to the app's configuration: its default time limits) are the ones sent.
app.loader.import_default_modules()


def enviar_como_beat(nombre_entrada):
    configuracion = dict(app.conf.beat_schedule[nombre_entrada])
    entrada = ScheduleEntry(name=nombre_entrada, app=app, **configuracion)
    return Scheduler(app, lazy=True).apply_async(entrada, advance=False)

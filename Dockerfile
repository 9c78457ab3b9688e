# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
# Seconde Pousse on the official Odoo 18.0 image: adds what that image lacks (OCA's
# web_timeline, from requirements/oca.txt) and our addons. docker-compose.yml builds it.
FROM odoo:18.0
USER root
COPY requirements/oca.txt /tmp/oca.txt
COPY addons /mnt/seconde-pousse
# Every addon is installed as OCA's are, a wheel under odoo/addons of the target folder
# named in the addons path: web_timeline from PyPI, ours built by whool from each addon's
# pyproject.toml. --no-deps, because the wheels require the "odoo" distribution, which the
# image's Debian package does not declare. /mnt/seconde-pousse is left empty and first in
# the addons path: a working tree mounted there runs instead of the installed wheels.
RUN pip3 install --no-cache-dir --no-deps --break-system-packages --target /opt/oca \
        -r /tmp/oca.txt /mnt/seconde-pousse/seconde_pousse_* \
    && rm -rf /tmp/oca.txt /mnt/seconde-pousse/*
COPY bin/create_db.py bin/dbtool.py docker/init.sh /opt/seconde-pousse/
COPY docker/odoo.conf /etc/odoo/odoo.conf
RUN chmod 755 /opt/seconde-pousse/init.sh
USER odoo

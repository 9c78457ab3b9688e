# Seconde Pousse on the official Odoo 18.0 image: adds what that image lacks (OCA's
# web_timeline, from requirements/oca.txt) and our addons. docker-compose.yml builds it.
FROM odoo:18.0
USER root
COPY requirements/oca.txt /tmp/oca.txt
# OCA wheels install under odoo/addons of the target folder, named in the addons path.
RUN pip3 install --no-cache-dir --no-deps --break-system-packages --target /opt/oca \
        -r /tmp/oca.txt \
    && rm /tmp/oca.txt
COPY addons /mnt/seconde-pousse
COPY bin/create_db.py bin/dbtool.py docker/init.sh /opt/seconde-pousse/
COPY docker/odoo.conf /etc/odoo/odoo.conf
RUN chmod 755 /opt/seconde-pousse/init.sh
USER odoo

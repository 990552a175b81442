// /etc/confdsl/cloud.groovy: the nginx upstream of an etcd prefix, run by `systemctl enable --now confdsl@cloud`.
// Put the keys:  etcdctl put /cloud/subdomain cloud; etcdctl put /cloud/upstream/a 10.0.0.1:8080
// Try it first:  confdsl render /etc/confdsl/cloud.groovy --diff
// Reload after editing this file or the template:  systemctl reload confdsl@cloud

store etcd('http://127.0.0.1:2379')

resource('cloud') {
    prefix   '/cloud'
    keys     '/subdomain', '/upstream'
    template 'cloud.conf.tmpl'                 // beside this script
    dest     '/etc/nginx/conf.d/cloud.conf'
    mode     '0644'
    check    'nginx -t -q', inPlace: true, timeout: '30s'
    reload   'nginx -s reload'
}

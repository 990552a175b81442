// The classic confd + nginx setup (shared SCENARIO: /etc/confd/conf.d/cloud.toml and its
// template) as one confdsl script, on the embedded file store.
// Dry run:  ./confdsl render dsl-examples/nginx_upstreams/nginx_upstreams.groovy --diff
// For real (as root, with nginx installed):  ./confdsl run dsl-examples/nginx_upstreams/nginx_upstreams.groovy

store file('keys.yaml')

resource('cloud') {
    prefix   '/cloud'
    keys     '/subdomain', '/upstream'
    template 'cloud.conf.tmpl'
    // Whoever can write these keys writes into nginx's config: let through only a name and host:port pairs.
    validate '/subdomain',  ~/^[\w.-]+$/
    validate '/upstream/*', ~/^[\w.-]+:\d+$/
    dest     '/etc/nginx/conf.d/cloud.conf'
    mode     '0644'
    // nginx -t checks the installed configuration, so check in place: install the candidate,
    // check, and put the previous file back if nginx rejects it. nginx never runs a broken file.
    check    'nginx -t -q', inPlace: true, timeout: '30s'
    reload   'nginx -s reload'
}

// The SCENARIO's zero-downtime upgrade as one script. Every nginx host runs the watch daemon
// (confdsl run nginx_rolling_upgrade.groovy --host web1) and an operator, anywhere that reaches
// etcd, rolls the backends one at a time (confdsl run nginx_rolling_upgrade.groovy upgrade a b).
// README.md here walks through it on one machine, with this folder's own nginx.
store etcd('http://127.0.0.1:2379')

String nginx = "$scriptDir/nginx"   // this example's own nginx prefix; on a server: /etc/nginx

resource('cloud') {
    prefix   '/cloud'
    keys     '/subdomain', '/upstream'
    template 'cloud.conf.tmpl'
    validate '/subdomain',  ~/^[\w.-]+$/          // whoever writes these keys writes nginx's config:
    validate '/upstream/*', ~/^[\w.-]+:\d+$/     // let through only a name and host:port pairs
    dest     "$nginx/conf.d/cloud.conf"
    mkdirs   true
    // nginx -t reads the installed config: check in place, the previous file comes back on failure.
    check    "nginx -t -q -e stderr -p '$nginx/' -c '$nginx/nginx.conf'", inPlace: true, timeout: '30s'
    // Returns once the old workers are gone, so "applied" means no request still reaches a drained backend.
    reload   "sh '$nginx/reload.sh' '$nginx'", timeout: '60s'
}

// Upgrades the named backends one after the other: out of every nginx, restarted, healthy, back in.
// BACKEND_CTL is the command that stops and starts one (default: docker, i.e. `docker stop a`).
task('upgrade') { String... names ->
    String ctl = getenv('BACKEND_CTL', 'docker')
    for (String name : names) {
        def backend = drain "/cloud/upstream/$name"       // removed; returns once every nginx runs without it
        sh "$ctl stop $name", timeout: '60s'
        sh "$ctl start $name", timeout: '60s'
        awaitHttp "http://$backend.value/", timeout: '60s'
        restore backend                                   // put back; returns once every nginx sends to it again
        log "$name upgraded"
    }
}

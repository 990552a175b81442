// The nginx upstream of the shared SCENARIO, with its keys in etcd. It renders into out/ beside
// this script, so it runs without root and without nginx; README.md here says how to try it.
// keys.yaml holds the same keys as the etcdctl commands of README.md: the golden test renders
// from it instead of a live etcd.

store etcd('http://127.0.0.1:2379')

resource('cloud') {
    prefix   '/cloud'
    keys     '/subdomain', '/upstream'
    template 'cloud.conf.tmpl'
    // Whoever can write these keys writes into nginx's config: let through only a name and host:port pairs.
    validate '/subdomain',  ~/^[\w.-]+$/
    validate '/upstream/*', ~/^[\w.-]+:\d+$/
    dest     'out/cloud.conf'
    mode     '0644'
    mkdirs   true
}

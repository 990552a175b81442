// An existing confd setup (confd/conf.d/cloud.toml, confd/templates/cloud.conf.tmpl, unchanged),
// run by confdsl with a task confd never had. The resource renders exactly as confd renders it.
//     confdsl run confd_setup.groovy --once --noop        (what would change)
//     confdsl run confd_setup.groovy drain 127.0.0.1_1337 (take a backend out; waits until applied)
// The same files also run with confd's own command line:
//     confdsl confd -onetime -backend etcd -node http://127.0.0.1:2379 -confdir confd

store etcd('http://127.0.0.1:2379')

confd 'confd'

// Takes one backend out of every nginx that renders cloud.conf and waits until they run without it.
task('drain') { String name ->
    drain "/cloud/upstream/$name"
    log "$name drained; put it back with: etcdctl put /cloud/upstream/$name ADDRESS"
}

// The quickstart: keys from keys.yaml beside this script, rendered into out/app.conf.
// Run it:   ./confdsl run dsl-examples/quickstart/quickstart.groovy --once
// Edit keys.yaml, then see what would change:   ./confdsl run dsl-examples/quickstart/quickstart.groovy --once --noop

store file('keys.yaml')

resource('app') {
    prefix   '/app'
    keys     '/name', '/port', '/upstream'
    template 'app.conf.tmpl'
    dest     'out/app.conf'          // relative to this script
    mode     '0644'
    mkdirs   true
    check    'grep -q upstream {{.src}}'
}

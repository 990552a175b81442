package org.confdsl.run

import org.confdsl.store.StoreException
import spock.lang.Specification

class StoreTroubleSpec extends Specification {

    def "an outage is logged once, its end once, and a new problem again"() {
        given:
        def trouble = new StoreTrouble()
        def down = new StoreException('etcd unreachable at http://127.0.0.1:1')

        expect:
        !trouble.readable('etcd')
        trouble.failed(down, 'retrying every 1s')
        !trouble.failed(down, 'retrying every 1s')
        !trouble.failed(new StoreException('etcd unreachable at http://127.0.0.1:1'), 'retrying every 1s')
        trouble.failed(new StoreException('authentication failed for user \'x\''), 'retrying every 1s')
        trouble.readable('etcd')
        !trouble.readable('etcd')
        trouble.failed(down, 'retrying every 1s')
    }
}

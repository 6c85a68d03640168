;; expect: error 7:23 Build_VM account
;; expect: error 12:23 a-name-much-too-long-for-an-account 32
(use-modules (gnu services) (gnu services virtualization))

(list (service virtual-build-machine-service-type
               (virtual-build-machine
                (name 'Build_VM)
                (port-forwardings '((11022 . 22)))))
      (service virtual-build-machine-service-type
               (virtual-build-machine
                ;; build-vm- plus this is 44 characters
                (name 'a-name-much-too-long-for-an-account)
                (port-forwardings '((12022 . 22))))))

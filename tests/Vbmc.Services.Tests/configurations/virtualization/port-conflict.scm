;; expect: error 12:35 11022
;; Acceptance 10 with (gnu services) imported: the second VM wrote the conflicting value.
(use-modules (gnu services) (gnu services virtualization))

(list (service virtual-build-machine-service-type
               (virtual-build-machine
                (name 'one)))
      (service virtual-build-machine-service-type
               (virtual-build-machine
                (name 'two)
                ;; the conflict is reported here, at the value somebody wrote
                (port-forwardings '((11022 . 22))))))

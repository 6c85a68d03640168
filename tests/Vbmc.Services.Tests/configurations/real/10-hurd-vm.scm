;; expect: ok
;; A childhurd next to a build VM, as the manual's "The Hurd in a Virtual Machine" describes.
;; vbmc does not model GNU/Hurd VMs (language.md: "may come later"), but it knows
;; hurd-vm-service-type and hurd-vm-configuration from Guix 1.5.0's data (stdlib/generated):
;; the configuration's field names are checked, and the build VM beside it gets every check.
(use-modules (gnu) (gnu services virtualization))
(use-service-modules networking ssh)

(operating-system
  (host-name "hurdhost")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "root"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (services (append (list (service dhcp-client-service-type)
                          (service openssh-service-type)
                          (service hurd-vm-service-type
                                   (hurd-vm-configuration
                                    (disk-size (* 5000 (expt 2 20)))
                                    (memory-size 1024)))
                          (service virtual-build-machine-service-type))
                    %base-services)))

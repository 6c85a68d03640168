;; A lab host with libvirt for interactive VMs and a build VM for offloading.
(use-modules (gnu) (srfi srfi-19))
(use-service-modules networking ssh virtualization)

(operating-system
  (host-name "lab")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "lab"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (services (cons* (service dhcpcd-service-type)
                   (service openssh-service-type)
                   (service libvirt-service-type)
                   (service virtlog-service-type)
                   (service virtual-build-machine-service-type
                            (virtual-build-machine
                             (name 'offload-2021)
                             (date (make-date 0 0 0 0 1 1 2021 0))
                             (auto-start? #t)))
                   %base-services)))

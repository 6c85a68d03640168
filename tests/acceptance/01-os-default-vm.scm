;; expect: ok
;; expect-qemu: build-vm -cpu Skylake-Client
;; expect-qemu: build-vm -smp cpus=4
;; expect-qemu: build-vm -m 2048
;; expect-qemu: build-vm -rtc base=2020-01-01T00:00:00,clock=vm
;; expect-qemu: build-vm -nic user,model=virtio-net-pci,restrict=on,hostfwd=tcp:127.0.0.1:11022-:22
;; A whole operating system whose only addition to the base services is one
;; virtual build machine with every field left at its default (the manual's
;; first example): 2020-01-01, Skylake-Client, 4 cores, 2 GiB, SSH on 11022.
(use-modules (gnu))
(use-service-modules virtualization)

(operating-system
  (host-name "offload-host")
  (timezone "Europe/Paris")
  (bootloader (bootloader-configuration
               (bootloader grub-efi-bootloader)
               (targets (list "/boot/efi"))))
  (file-systems (append (list (file-system
                                (mount-point "/")
                                (device (file-system-label "guix-root"))
                                (type "btrfs"))
                              (file-system
                                (mount-point "/boot/efi")
                                (device (file-system-label "EFI"))
                                (type "vfat")))
                        %base-file-systems))
  (services (cons (service virtual-build-machine-service-type)
                  %base-services)))

;;; (gnu): what Guix's (gnu) module offers: the system, accounts, file systems, bootloaders,
;;; services and base services, G-expressions and the package lookup, in one import.
;;; Like Guix's own (gnu), it passes on the whole public interface of each module, so this file
;;; never needs to follow their export lists.

(define-module (gnu))

(re-export-modules
  (gnu system)
  (gnu system accounts)
  (gnu system shadow)
  (gnu system file-systems)
  (gnu system uuid)
  (gnu system nss)
  (gnu system keyboard)
  (gnu system mapped-devices)
  (gnu bootloader)
  (gnu bootloader grub)
  (gnu services)
  (gnu services base)
  (guix gexp)
  (gnu packages))

"""A real SMTP server for the tests: aiosmtpd's Mailbox handler on a loopback port, storing what it accepts in a
Maildir. Optional: --auth USER:PASSWORD requires AUTH PLAIN/LOGIN (without TLS, on loopback only); --reject PREFIX
answers 550 to recipients that start with PREFIX. Prints "CONNECTED" once for every EHLO, so a test can count
connections."""
import argparse
import signal
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Mailbox
from aiosmtpd.smtp import AuthResult, LoginPassword


class Handler(Mailbox):
    def __init__(self, maildir, reject):
        super().__init__(maildir)
        self.reject = reject

    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        session.host_name = hostname
        print("CONNECTED", flush=True)
        return responses

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.reject and address.startswith(self.reject):
            return "550 5.1.1 No such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("host")
    parser.add_argument("port", type=int)
    parser.add_argument("maildir")
    parser.add_argument("--auth")
    parser.add_argument("--reject")
    args = parser.parse_args()

    options = {}
    if args.auth:
        user, password = args.auth.split(":", 1)

        def authenticator(server, session, envelope, mechanism, auth_data):
            ok = isinstance(auth_data, LoginPassword) and auth_data.login.decode() == user \
                and auth_data.password.decode() == password
            return AuthResult(success=ok, handled=False)

        options = {"authenticator": authenticator, "auth_required": True, "auth_require_tls": False}

    controller = Controller(Handler(args.maildir, args.reject), hostname=args.host, port=args.port, **options)
    controller.start()
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    stop.wait()
    controller.stop()


main()

#include "mail/smtp_sender.h"

#include "agenda/listening.h"

#ifndef RUNTIME_VERSION_H
#define RUNTIME_VERSION_H
#define XMHF_NG_VERSION "0.1"
#ifndef XMHF_NG_BUILD_ID
#define XMHF_NG_BUILD_ID "unknown"
#endif
#endif

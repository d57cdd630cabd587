#include "export/atomic_file.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <stdexcept>
#include <string>
#include <unistd.h>
#include <utility>

namespace convene::exporting {
namespace fs = std::filesystem;
namespace {

// fsync a file or folder; returns errno, or 0 on success.
int fsync_path(const fs::path& p) {
    int fd = ::open(p.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return errno;
    int rc = ::fsync(fd);
    int err = rc == 0 ? 0 : errno;
    ::close(fd);
    return err;
}

} // namespace

void check_writable_target(const fs::path& target) {
    std::error_code ec;
    if (fs::is_directory(target, ec))
        throw std::runtime_error(target.string() + " is a folder; give a file name in it");
    fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    if (!fs::is_directory(dir, ec))
        throw std::runtime_error("cannot write " + target.string() + ": the folder " +
                                 dir.string() + " does not exist");
    if (::access(dir.c_str(), W_OK) != 0)
        throw std::runtime_error("cannot write " + target.string() + ": the folder " +
                                 dir.string() + " is not writable");
}

PendingFile::PendingFile(fs::path target) : target_(std::move(target)) {
    fs::path dir = target_.has_parent_path() ? target_.parent_path() : fs::path(".");
    temp_ = dir / ("." + target_.filename().string() + ".tmp-" + std::to_string(::getpid()));
}

PendingFile::~PendingFile() {
    if (committed_) return;
    std::error_code ec;
    fs::remove(temp_, ec);
}

void PendingFile::commit() {
    try {
        if (!fs::exists(temp_)) throw std::runtime_error("the writer produced no file");
        // Readable by its owner only, whoever made the temporary file (libxlsxwriter, ...).
        fs::permissions(temp_, fs::perms::owner_read | fs::perms::owner_write);
        if (int err = fsync_path(temp_)) throw std::runtime_error(std::strerror(err));
        fs::rename(temp_, target_);
        committed_ = true;
        fsync_path(temp_.parent_path().empty() ? fs::path(".") : temp_.parent_path());
    } catch (const std::exception& e) {
        std::error_code ec;
        fs::remove(temp_, ec);
        throw std::runtime_error("cannot write " + target_.string() + ": " + e.what());
    }
}

void write_atomically(const fs::path& target, const std::function<bool(const fs::path&)>& write) {
    PendingFile file(target);
    try {
        if (!write(file.temp())) throw std::runtime_error("the writer reported a failure");
    } catch (const std::exception& e) {
        throw std::runtime_error("cannot write " + target.string() + ": " + e.what());
    }
    file.commit();
}

void write_file_atomically(const fs::path& target, std::string_view bytes) {
    write_atomically(target, [&](const fs::path& temp) {
        int fd = ::open(temp.c_str(), O_CREAT | O_TRUNC | O_WRONLY | O_CLOEXEC, 0600);
        if (fd < 0) throw std::runtime_error(std::strerror(errno));
        const char* p = bytes.data();
        std::size_t left = bytes.size();
        while (left > 0) {
            ssize_t n = ::write(fd, p, left);
            if (n < 0) {
                if (errno == EINTR) continue;
                int err = errno;
                ::close(fd);
                throw std::runtime_error(std::strerror(err));
            }
            p += n;
            left -= static_cast<std::size_t>(n);
        }
        if (::fsync(fd) != 0 || ::close(fd) != 0) throw std::runtime_error(std::strerror(errno));
        return true;
    });
}

} // namespace convene::exporting

// convene: the desktop app. Parses the command line and hands over to the window.
#include "app/app.hpp"
#include "app/platform/window.hpp"
#include "store/paths.hpp"

#include <CLI/CLI.hpp>
#include <cstdio>

int main(int argc, char** argv) {
    CLI::App cli{"Convene: stakeholder conversations, coding and surveys about micro-credentials",
                 "convene"};
    std::string db = convene::store::default_workspace_path().string();
    convene::app::WindowOptions window;
    std::string screenshot, view, size;
    float text_scale = 0;
    bool fold_panels = false;
    cli.add_option("--db", db, "Workspace file to open (created if missing)")
        ->capture_default_str();
    cli.add_option("--screenshot", screenshot, "Render a few frames, save the window as PNG, exit");
    cli.add_option("--view", view,
                   "Screen to show: conversations, walkthrough, review, kiosk, surveys, quality, "
                   "compiled, overview, "
                   "library, codebook, currency, criteria, summaries");
    cli.add_option("--size", size, "Window size as WIDTHxHEIGHT (e.g. 1024x640)");
    cli.add_option("--text-scale", text_scale,
                   "Text size for this run (1 = default, 1.25 = two "
                   "steps larger)");
    cli.add_flag("--fold-panels", fold_panels,
                 "Start with the navigation and the walkthrough's side panel folded away");
    cli.add_option("--idle-report", window.idle_report_seconds,
                   "Run this many seconds, then print frames drawn and CPU used, and exit");
    cli.set_version_flag("--version", CONVENE_VERSION);
    try {
        cli.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return cli.exit(e);
    }
    bool part_view = view == "walkthrough" || view == "review" || view == "kiosk" ||
                     view == "compiled" || view == "overview" || view == "codebook" ||
                     view == "currency" || view == "criteria";
    if (!view.empty() && !part_view && !convene::app::screen_from_id(view)) {
        std::fprintf(stderr,
                     "convene: unknown view \"%s\" (conversations, walkthrough, review, kiosk, "
                     "compiled, overview, "
                     "surveys, quality, library, codebook, currency, criteria, summaries)\n",
                     view.c_str());
        return 2;
    }

    window.screenshot = screenshot;
    window.fit_to_screen = size.empty();
    if (!size.empty() && std::sscanf(size.c_str(), "%dx%d", &window.width, &window.height) != 2) {
        std::fprintf(stderr, "convene: --size takes WIDTHxHEIGHT, e.g. 1024x640\n");
        return 2;
    }
    return convene::app::run_window(window, [&] {
        convene::app::AppOptions options;
        options.workspace = db;
        options.config_dir = convene::store::config_dir();
        options.persist = screenshot.empty() && window.idle_report_seconds <= 0;
        auto app = std::make_unique<convene::app::App>(options);
        if (text_scale > 0) app->settings().text_scale = text_scale;
        if (fold_panels)
            app->settings().navigation_shown = app->settings().walkthrough_side_panel = false;
        if (auto screen = convene::app::screen_from_id(view)) app->show(*screen);
        if (part_view) app->open_part(view);
        return app;
    });
}

from meldpunt_gui.cli import main

raise SystemExit(main())

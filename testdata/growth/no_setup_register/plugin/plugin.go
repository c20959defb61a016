// Package plugin is a framework that calls each registered plugin's setup
// function once per server block of its configuration.
package plugin

// A Controller hands a setup function its piece of the configuration.
type Controller struct {
	Addr string
}

var setups = map[string]func(*Controller) error{}

// Register makes a plugin known under name.
func Register(name string, setup func(*Controller) error) {
	setups[name] = setup
}

// Load runs the setup of each plugin for each address of the
// configuration.
func Load(addrs []string) error {
	for _, a := range addrs {
		for _, setup := range setups {
			if err := setup(&Controller{Addr: a}); err != nil {
				return err
			}
		}
	}
	return nil
}

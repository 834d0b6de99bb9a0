import ArgumentParser
import PilotReport

extension Language: ExpressibleByArgument {}

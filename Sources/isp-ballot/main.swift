import BallotServer
import Glibc

exit(await BallotServerMain.run(Array(CommandLine.arguments.dropFirst())))

"""Thirty-ninth fresh held-out set for the diagnosis: one planted bug per program in fresh39/
(eight PyTorch ports, five of them checked against a NumPy program of their own, and eight NumPy
programs, six of them checked against a correct port of their own) and three correct programs
in unusual styles. The theme is reinforcement learning written from scratch in NumPy and ported
to PyTorch, trained on fixed logged data (no environment in the loop: states, actions, rewards and
done flags come from .npz files, so every step is deterministic): REINFORCE with the
log-probabilities of the taken actions (log_softmax and gather, torch.distributions.Categorical),
discounted returns-to-go computed backward through each episode, baselines (the batch mean or a
learned value head), advantage standardisation, an entropy bonus, actor-critic with a weighted
value loss, TD(0) targets with a bootstrap, Q-learning on the taken action's value, Monte Carlo
action values, Gaussian policies' log-densities; and the slips people make there (the loss's or
the optimizer's sign, all actions' log-probabilities summed, a reduction forgotten, the returns
discounted the wrong way or from the wrong origin or not reset at episode ends, a baseline or a
bootstrap that carries gradient, the entropy's sign, argmax indices read as values, a terminal
mask forgotten, the wrong axis of a normalisation, a term of the log-density dropped).
fresh39/make_data.py writes the data.
Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh39_cases

Each case:
    id          short name (prefixed PM)
    side        "port", "numpy" or "correct"
    args        the `parity check` argument list (paths relative to the repository root);
                scripts/diagnosis_held_out.py adds --steps 20, --dtype float32 and
                --device cpu where the case does not give them, and --json, --quiet
    mechanism   the planted mechanism, one line (for a correct case, what it exercises)
    expected    keywords (case-insensitive) that an explanation naming the mechanism would
                contain; written from the mechanism, before any run, not from the kit's output;
                () for a correct program

Written without reading the kit's diagnosis rules (nor its findings, nor the diagnosis output
for these programs: they were validated by exit status alone). The mechanisms differ from those
of the development set (cases.py) and the earlier fresh sets. Each buggy program was checked to
fail (exit 1) and its fix (the bug line the only difference; it is written in the line's
`# fix:` comment) to pass (exit 0) under the same arguments; each correct program passes (exit 0).
"""

from case_args import OPT, in_folder

F = "scripts/diagnosis_sets/fresh39/"
port, numpy_net = in_folder(F)

BANDIT, ACTIONS, EPISODES = F + "bandit.npz", F + "actions.npz", F + "episodes.npz"
TRANSITIONS, TRAJECTORY, GAUSSIAN = F + "transitions.npz", F + "trajectory.npz", F + "gaussian.npz"

# the kit's network on the bandit log: the mean cross-entropy against reward-weighted one-hot rows
# is the REINFORCE loss -mean(r log pi(a | x)) without a baseline
KIT_POLICY = ("--data", BANDIT, "--output-activation", "softmax", "--loss", "ce")


def pair(numpy_file: str, numpy_name: str, torch_file: str, torch_name: str, *extra: str) -> list[str]:
    """A NumPy program of the user's own against the user's own port, both as written."""
    return [f"{F}{numpy_file}:{numpy_name}", "--torch", f"{F}{torch_file}:{torch_name}", "--as-written",
            "--init", f"net = {numpy_name}()", *extra]


def params(*pairs: str) -> list[str]:
    return [a for p in pairs for a in ("--param", p)]


CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="PM01_bandit_policy", side="port",
         args=port("01_bandit_policy_port.py", "Net", *KIT_POLICY, "--hidden-activation", "relu",
                   "--optimizer", "adam", "--lr", "0.01"),
         mechanism="the port's log pi(a | s) is log_softmax(logits).sum(dim=1), the log-probabilities of all three "
                   "arms summed, instead of the pulled arm's (gather on the logged action): the REINFORCE loss "
                   "-mean(r sum_j log p_j) gives the logit gradient r (K p - 1) / n = r (3 p - 1) / n, the same "
                   "whatever arm was pulled, instead of r (p - onehot(a)) / n",
         expected=("sum of the log-probabilities", "summed log-probabilities", "all actions", "all arms",
                   "every action", "summed over actions", "sum(dim=1)", "gather", "taken action", "pulled arm",
                   "chosen action", "log_softmax", "instead of the taken", "one-hot", "onehot", "3 p - 1",
                   "k p - 1", "mask")),
    dict(id="PM02_ascent_policy", side="port",
         args=port("02_ascent_policy_port.py", "Net", *OPT, *KIT_POLICY, "--hidden-activation", "tanh",
                   "--optimizer", "momentum", "--momentum", "0.9", "--lr", "0.2"),
         mechanism="make_optimizer builds torch.optim.SGD(momentum=0.9, maximize=True) while train_step already "
                   "minimises the negated objective -mean(r log pi(a | s)): the two sign flips stack, so the "
                   "optimizer climbs the loss, gradient ascent on the REINFORCE loss (every update the negative of "
                   "the NumPy network's; the gradients themselves are right)",
         expected=("maximize", "maximize=true", "maximise", "ascent", "gradient ascent", "sign", "negated",
                   "double negation", "wrong direction", "opposite direction", "reversed", "negative of",
                   "flipped", "optimizer", "update", "-1")),
    dict(id="PM03_weighted_nll", side="port",
         args=port("03_weighted_nll_port.py", "Net", *KIT_POLICY, "--hidden-activation", "sigmoid",
                   "--lr", "0.5"),
         mechanism="F.cross_entropy(logits, actions) without reduction='none' returns the batch mean, a scalar, so "
                   "multiplying it by the rewards and averaging weights the mean cross-entropy by the mean reward: "
                   "every row's log-probability gradient is scaled by mean(r) instead of by its own reward r_i",
         expected=("reduction", "reduction='none'", "reduction=\"none\"", "per-sample", "per sample", "per-row",
                   "per row", "scalar", "mean reward", "average reward", "mean(r)", "batch mean", "own reward",
                   "weight", "weighted", "cross_entropy", "already averaged")),
    dict(id="PM04_episode_reinforce", side="port",
         args=pair("04_episode_reinforce_numpy.py", "EpisodeReinforce", "04_episode_reinforce_torch.py",
                   "EpisodeReinforce", "--data", EPISODES,
                   *params("params['W1']=hidden.weight.T", "params['b1']=hidden.bias",
                           "params['W2']=policy.weight.T", "params['b2']=policy.bias")),
         mechanism="pair: the port's returns loop runs for t in range(T), forward through each episode, instead of "
                   "reversed(range(T)): G_t = r_t + GAMMA G_{t-1} accumulates the rewards already collected "
                   "(discounted back in time) instead of the reward-to-go sum_{k >= t} GAMMA^(k - t) r_k, so every "
                   "step's advantage after the mean baseline is wrong",
         expected=("reversed", "reverse", "backward", "forward", "wrong direction", "direction", "range(t)",
                   "past rewards", "rewards already", "reward-to-go", "return-to-go", "discounted return",
                   "future rewards", "gamma", "discount", "loop order")),
    dict(id="PM05_actor_critic", side="port",
         args=pair("05_actor_critic_numpy.py", "ActorCritic", "05_actor_critic_torch.py", "ActorCritic",
                   "--data", EPISODES,
                   *params("W=trunk.weight.T", "b=trunk.bias", "Wp=pi.weight.T", "bp=pi.bias",
                           "Wv=v.weight.T", "bv=v.bias")),
         mechanism="pair: the advantage returns - values is built from the value head's output without .detach(): "
                   "the policy loss -mean((G - V) log pi) back-propagates into the value head and the shared trunk, "
                   "adding +log pi(a | s) / n to each value's gradient, where the NumPy program holds V constant as "
                   "the baseline in the policy term (the policy head's gradient is right)",
         expected=("detach", "detached", ".detach()", "baseline", "value head", "critic", "advantage",
                   "stop gradient", "stop-gradient", "no_grad", "constant", "through the baseline", "log pi",
                   "value", "leaks", "shared trunk")),
    dict(id="PM06_td_critic", side="port",
         args=pair("06_td_critic_numpy.py", "TDCritic", "06_td_critic_torch.py", "TDCritic",
                   "--data", TRANSITIONS,
                   *params("W1=fc1.weight.T", "b1=fc1.bias", "W2=fc2.weight.T", "b2=fc2.bias")),
         mechanism="pair: the TD(0) target r + GAMMA (1 - done) V(s') keeps its graph (no .detach() or "
                   "torch.no_grad()), so the MSE back-propagates through the bootstrap too: the residual gradient "
                   "2 (V(s) - target)(grad V(s) - GAMMA (1 - done) grad V(s')) / n instead of the NumPy program's "
                   "semi-gradient 2 (V(s) - target) grad V(s) / n",
         expected=("detach", "bootstrap", "target", "semi-gradient", "semi gradient", "residual gradient",
                   "next state", "v(s')", "s_next", "no_grad", "stop gradient", "td target", "td(0)",
                   "through the target", "gamma", "moving target")),
    dict(id="PM07_entropy_reinforce", side="port",
         args=pair("07_entropy_reinforce_numpy.py", "EntropyReinforce", "07_entropy_reinforce_torch.py",
                   "EntropyReinforce", "--data", EPISODES,
                   *params("weights[0]=net.0.weight.T", "biases[0]=net.0.bias",
                           "weights[1]=net.2.weight.T", "biases[1]=net.2.bias")),
         mechanism="pair: the entropy bonus is added to the loss, policy_loss + ENT_COEF * entropy (ENT_COEF = 0.05), "
                   "instead of subtracted: the port minimises the policy's entropy (towards a deterministic policy) "
                   "where the NumPy program maximises it; the entropy term of the logit gradient, "
                   "ENT_COEF p (log p + H) / n, has the wrong sign",
         expected=("entropy", "entropy bonus", "sign", "subtract", "added", "+ ent_coef", "- ent_coef", "ent_coef",
                   "minimis", "maximis", "exploration", "penalty", "regularis", "dist.entropy", "wrong sign",
                   "opposite sign")),
    dict(id="PM08_q_learning", side="port",
         args=pair("08_q_learning_numpy.py", "QLearner", "08_q_learning_torch.py", "QLearner",
                   "--data", TRANSITIONS,
                   *params("W1=fc1.weight.T", "b1=fc1.bias", "W2=fc2.weight.T", "b2=fc2.bias")),
         mechanism="pair: the Q-learning target reads the next state's greedy value as model(s_next).max(dim=1)[1], "
                   "the argmax indices (0, 1 or 2; in the double-DQN code it came from they select the action), "
                   "instead of [0], the maximum values: the bootstrap is r + GAMMA (1 - done) argmax_a' Q(s', a') "
                   "instead of r + GAMMA (1 - done) max_a' Q(s', a')",
         expected=("max(dim=1)[1]", "[1]", "[0]", "indices", "index", "argmax", "values", ".values", "max value",
                   "action index", "double dqn", "double-dqn", "bootstrap", "target", "q(s', a')", "torch.max",
                   "namedtuple")),
]


CASES += [
    # ------------------------------------------------------------------ NumPy programs
    dict(id="PM09_bandit_reinforce", side="numpy",
         args=numpy_net("09_bandit_reinforce.py", "BanditReinforce", "--init", "BanditReinforce()",
                        "--step", "net.train_step(X, y)", *KIT_POLICY, "--hidden-activation", "tanh",
                        "--lr", "0.5"),
         mechanism="the REINFORCE logit gradient is written (probs - onehot(a) r) / n, the reward weighting only the "
                   "one-hot term, instead of r (probs - onehot(a)) / n: the probs term lacks its factor r, so each "
                   "row's gradient is off by (1 - r) probs / n (the classifier's p - y shortcut applied to "
                   "reward-weighted targets y = r onehot(a), which do not sum to one)",
         expected=("reward", "weight", "weighted", "p - y", "probs - y", "r (p - onehot", "r * (p", "shortcut",
                   "do not sum to one", "not normalised", "onehot", "one-hot", "missing factor", "policy gradient",
                   "score function", "(1 - r)")),
    dict(id="PM10_gaussian_policy_bc", side="numpy",
         args=numpy_net("10_gaussian_policy_bc.py", "GaussianPolicy", "--init", "GaussianPolicy()",
                        "--step", "net.train_step(X, y)", "--data", ACTIONS, "--hidden-activation", "tanh",
                        "--output-activation", "linear", "--loss", "half-mse", "--lr", "0.2", "--output", "mu"),
         mechanism="the Gaussian policy's gradient with respect to its mean is written (mu - a) / SIGMA / n, divided "
                   "by the standard deviation, instead of (mu - a) / SIGMA ** 2 / n, by the variance: with "
                   "SIGMA = 0.5 every gradient and update is 0.5 times (half) the maximum-likelihood one (the kit's "
                   "lr 0.2 = LR / SIGMA^2 is the fixed program's)",
         expected=("sigma ** 2", "sigma**2", "sigma^2", "variance", "standard deviation", "std",
                   "instead of the variance", "divided by sigma", "gaussian", "log-density", "log density",
                   "factor 0.5", "half", "factor 2", "twice", "normal")),
    dict(id="PM11_reward_to_go", side="numpy",
         args=pair("11_reward_to_go_numpy.py", "BaselineReinforce", "11_reward_to_go_torch.py", "BaselineReinforce",
                   "--data", EPISODES,
                   *params("params['pW1']=policy.0.weight.T", "params['pb1']=policy.0.bias",
                           "params['pW2']=policy.2.weight.T", "params['pb2']=policy.2.bias",
                           "params['vW1']=value.0.weight.T", "params['vb1']=value.0.bias",
                           "params['vW2']=value.2.weight.T", "params['vb2']=value.2.bias")),
         mechanism="pair: the vectorised reward-to-go discounts with GAMMA ** np.arange(t, T), exponents counted from "
                   "the episode's start, instead of GAMMA ** np.arange(T - t), counted from step t: "
                   "G_t = sum_{k >= t} GAMMA^k r_k = GAMMA^t times the reward-to-go, so the later steps' returns "
                   "(the value network's targets and the policy's advantages) shrink geometrically",
         expected=("gamma ** t", "gamma^t", "exponent", "discount", "from the start", "episode start", "np.arange",
                   "k - t", "reward-to-go", "return-to-go", "returns", "off by", "shrink", "geometric",
                   "discount factor", "gamma")),
    dict(id="PM12_normalised_advantage", side="numpy",
         args=pair("12_normalised_advantage_numpy.py", "NormalisedReinforce", "12_normalised_advantage_torch.py",
                   "NormalisedReinforce", "--data", EPISODES,
                   *params("W1=l1.weight.T", "b1=l1.bias", "W2=l2.weight.T", "b2=l2.bias")),
         mechanism="pair: the returns are standardised per time step across the episodes, G.mean(axis=0) and "
                   "G.std(axis=0) over the 12 episodes at each of the 8 steps, instead of over the whole batch "
                   "(G.mean(), G.std()): each step's advantages are centred and scaled by that column's own "
                   "statistics",
         expected=("axis=0", "axis 0", "axis", "per time step", "per-step", "each time step", "across episodes",
                   "whole batch", "normalis", "normaliz", "standardis", "standardiz", "mean", "std", "wrong axis",
                   "column")),
    dict(id="PM13_mc_q", side="numpy",
         args=pair("13_mc_q_numpy.py", "MonteCarloQ", "13_mc_q_torch.py", "MonteCarloQ", "--data", EPISODES,
                   *params("W1=fc1.weight.T", "b1=fc1.bias", "W2=fc2.weight.T", "b2=fc2.bias")),
         mechanism="pair: the Q-network's output gradient is (q - G[:, None]) / n for all three action outputs, the "
                   "taken-action mask left out, instead of mask * (q - G) / n: every action's value is regressed "
                   "onto the return that followed the action actually taken, while the loss counts only that "
                   "action's value",
         expected=("mask", "taken action", "all actions", "every action", "other actions", "untaken", "not taken",
                   "one-hot", "onehot", "gather", "broadcast", "q-value", "action value", "only the taken",
                   "masked", "all outputs")),
    dict(id="PM14_one_step_ac", side="numpy",
         args=pair("14_one_step_ac_numpy.py", "OneStepActorCritic", "14_one_step_ac_torch.py", "OneStepActorCritic",
                   "--data", TRANSITIONS,
                   *params("W_trunk=trunk.weight.T", "b_trunk=trunk.bias", "W_pi=actor.weight.T", "b_pi=actor.bias",
                           "w_v=critic.weight.T", "b_v=critic.bias")),
         mechanism="pair: the one-step TD target r + GAMMA V(s') leaves out the (1 - done) factor: on the terminal "
                   "transitions (done = 1 on 18 of the 40 rows) the critic and the actor bootstrap from the "
                   "value of a state after the episode has ended, so the TD error (the critic's error and the "
                   "actor's advantage) gains GAMMA V(s') there",
         expected=("done", "terminal", "1 - done", "(1 - done)", "episode end", "end of the episode", "bootstrap",
                   "mask", "absorbing", "v(s')", "next state", "td target", "td error", "not masked",
                   "terminal state")),
    dict(id="PM15_gaussian_policy", side="numpy",
         args=pair("15_gaussian_policy_numpy.py", "GaussianReinforce", "15_gaussian_policy_torch.py",
                   "GaussianReinforce", "--data", GAUSSIAN,
                   *params("W1=mean.0.weight.T", "b1=mean.0.bias", "W2=mean.2.weight.T", "b2=mean.2.bias",
                           "log_std=log_std")),
         mechanism="pair: the gradient with respect to log sigma drops the -1 that comes from the -log sigma term of "
                   "the Gaussian log-density: d(-G log pi)/d log sigma is written -G (a - mu)^2 / sigma^2 instead "
                   "of -G ((a - mu)^2 / sigma^2 - 1), the normaliser treated as a constant, so log_std's gradient is "
                   "off by mean(G) (the mean network's gradients and the loss are right)",
         expected=("log sigma", "log_std", "log std", "- 1", "-1", "normaliser", "normalizer", "normalising constant",
                   "constant", "log-density", "log density", "gaussian", "standard deviation", "sigma", "dropped",
                   "missing term")),
    dict(id="PM16_flat_trajectory", side="numpy",
         args=pair("16_flat_trajectory_numpy.py", "TrajectoryReinforce", "16_flat_trajectory_torch.py",
                   "TrajectoryReinforce", "--data", TRAJECTORY,
                   *params("W1=fc1.weight.T", "b1=fc1.bias", "W2=fc2.weight.T", "b2=fc2.bias")),
         mechanism="pair: the backward scan over the back-to-back log ignores the done flags, G = r_t + GAMMA G "
                   "instead of r_t + GAMMA G (1 - done_t): the return is not reset at the episode boundaries, so each "
                   "episode's returns include the discounted rewards of the episodes logged after it",
         expected=("done", "reset", "episode boundary", "episode boundaries", "boundaries", "1 - done", "(1 - done",
                   "leak", "next episode", "across episodes", "following episode", "terminal", "returns",
                   "discount", "mask")),
]


CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="PMC1_gae_actor_critic", side="correct",
         args=pair("correct_01_gae_numpy.py", "GAEActorCritic", "correct_01_gae_torch.py", "GAEActorCritic",
                   "--data", EPISODES,
                   *params("p['trunk_W']=trunk.weight.T", "p['trunk_b']=trunk.bias", "p['pi_W']=pi.weight.T",
                           "p['pi_b']=pi.bias", "p['v_W']=v.weight.T", "p['v_b']=v.bias")),
         mechanism="pair: actor-critic with GAE(lambda): the NumPy advantages by one matrix product with an "
                   "upper-triangular discount matrix built with np.where, the Huber value loss by np.where / "
                   "np.clip, log-softmax by np.logaddexp.reduce, parameters in a dict, Adam; against the reversed "
                   "GAE loop under torch.no_grad(), F.smooth_l1_loss, Categorical(logits=...).log_prob and "
                   "torch.optim.Adam", expected=()),
    dict(id="PMC2_ratio_surrogate", side="correct",
         args=port("correct_02_ratio_surrogate_port.py", "Net", *OPT, *KIT_POLICY, "--hidden-activation", "tanh",
                   "--optimizer", "adam", "--lr", "0.01"),
         mechanism="port: REINFORCE through the PPO probability-ratio surrogate exp(log pi - log pi.detach()) * r "
                   "(ratio 1 on-policy, gradient r grad log pi), the log-probabilities picked with the boolean mask "
                   "y > 0, two tanh layers in nn.Sequential, Adam from make_optimizer, zero_grad(set_to_none=True); "
                   "the kit's NumPy network with the mean cross-entropy on reward-weighted one-hot targets",
         expected=()),
    dict(id="PMC3_ascent_bandit", side="correct",
         args=numpy_net("correct_03_ascent_bandit.py", "AscentBandit", "--init", "AscentBandit()",
                        "--step", "net.train_step(X, y)", *KIT_POLICY, "--hidden-activation", "relu",
                        "--optimizer", "nesterov", "--momentum", "0.9", "--lr", "0.3",
                        *params("theta['hidden']=W1.T", "theta['hidden_bias']=b1", "theta['arms']=W2.T",
                                "theta['arms_bias']=b2")),
         mechanism="NumPy: REINFORCE as gradient ascent on J = mean(r log pi), weights stored (out, in) in a dict "
                   "and applied with np.einsum, ReLU by np.where, log pi by np.logaddexp.reduce, the rewards read "
                   "with np.take_along_axis, the score onehot - pi from a boolean comparison, Nesterov momentum "
                   "applied to the ascent direction; against the kit's twin", expected=()),
]

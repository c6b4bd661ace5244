"""Ninetieth fresh held-out set for the diagnosis: one planted bug per program in fresh90/
(eight PyTorch ports, each checked against a NumPy program of its own, and eight NumPy programs,
each checked against a correct port of its own) and three correct programs.
The theme is policy-gradient objectives written by hand on logged experience (no environment:
each row of X holds a state's features, the action taken, its advantage and the behaviour
policy's old log-probability; y holds the return). REINFORCE with a learned value baseline: a
shared tanh trunk with a softmax policy head over four actions and a value head,
-(G - V) log pi(a|s) with the baseline taken as a constant, the value's squared error in the
same step, an entropy bonus whose coefficient decays each update, gradients clipped by their
global norm and SGD with heavy-ball momentum; PPO's clipped surrogate for a discrete ReLU policy
with a separate linear critic, the advantages normalised over the batch (population std), the
ratio exp(log pi - old log pi), an entropy bonus, and Adam with a linear learning-rate annealing;
and PPO's clipped surrogate for a Gaussian policy over one continuous action (a tanh mean network
and one learned log-std), the raw logged advantages, the Gaussian entropy, and RMSprop
(eps 1e-5, outside the root) with an exponential learning-rate decay. fresh90/make_data.py
writes the data.
Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh90_cases

Each case:
    id          short name (prefixed RL)
    side        "port", "numpy" or "correct"
    args        the `parity check` argument list (paths relative to the repository root);
                scripts/diagnosis_held_out.py adds --steps 20, --dtype float32 and
                --device cpu where the case does not give them, and --json, --quiet
    mechanism   the planted mechanism, one line (for a correct case, what it exercises)
    expected    keywords (case-insensitive) that an explanation naming the mechanism would
                contain; written from the mechanism, before any run, not from the kit's output;
                () for a correct program

Written without reading the kit's diagnosis rules (nor its findings, nor the diagnosis output
for these programs: they were validated by exit status alone). Each buggy program was checked to
fail (exit 1) and its fix (the bug line the only difference, given in its `# fix:` comment) to
pass (exit 0) under the same arguments; each correct program passes (exit 0).
"""

F = "scripts/diagnosis_sets/fresh90/"

DISCRETE, CONTINUOUS = F + "discrete.npz", F + "continuous.npz"


def pair(numpy_file: str, numpy_name: str, torch_file: str, torch_name: str, *extra: str) -> list[str]:
    """A NumPy program of the user's own against the user's own port, both as written."""
    return [f"{F}{numpy_file}:{numpy_name}", "--torch", f"{F}{torch_file}:{torch_name}", "--as-written",
            "--init", f"net = {numpy_name}()", *extra]


def params(*pairs: str) -> list[str]:
    return [a for p in pairs for a in ("--param", p)]


RF = ("--data", DISCRETE, "--batch-size", "16")
RF_PARAMS = params("params['W1']=trunk.weight.T", "params['b1']=trunk.bias", "params['Wp']=policy.weight.T",
                   "params['bp']=policy.bias", "params['Wv']=value.weight.T", "params['bv']=value.bias")
RF_ALT_PARAMS = params("params['trunk_w']=trunk.weight", "params['trunk_b']=trunk.bias",
                       "params['pi_w']=policy.weight", "params['pi_b']=policy.bias",
                       "params['v_w']=value.weight", "params['v_b']=value.bias")
PPO = ("--data", DISCRETE, "--batch-size", "24")
PPO_PARAMS = params("params['W1']=hidden.weight.T", "params['b1']=hidden.bias", "params['W2']=logits.weight.T",
                    "params['b2']=logits.bias", "params['Wv']=critic.weight.T", "params['bv']=critic.bias")
PPO_P_PARAMS = params("params['W1']=W1", "params['b1']=b1", "params['W2']=W2", "params['b2']=b2",
                      "params['Wv']=Wv", "params['bv']=bv")
GS = ("--data", CONTINUOUS)
GS_PARAMS = params("params['W1']=hidden.weight.T", "params['b1']=hidden.bias", "params['W2']=mean.weight.T",
                   "params['b2']=mean.bias", "params['log_std']=log_std", "params['Wv']=critic.weight.T",
                   "params['bv']=critic.bias")

CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="RL01_rf_baseline_not_detached", side="port",
         args=pair("reinforce_numpy.py", "ReinforceBaseline", "01_rf_baseline_grad_port.py", "ReinforceBaseline",
                   *RF, *RF_PARAMS),
         mechanism="pair: the port's advantage is adv = G - v without .detach(): the loss value is unchanged but "
                   "the policy term -mean(adv * log pi) now back-propagates into the value head and the shared "
                   "trunk (each row's dV gains log pi(a|s) / n), so the value head's and the trunk's gradients "
                   "differ while the policy head's are right",
         expected=("detach", "baseline", "advantage", "value head", "stop gradient", "no gradient", "constant",
                   "gradient flows", "policy loss", "critic", "value", "extra term", "autograd", "graph",
                   "trunk")),
    dict(id="RL02_rf_clip_after_step", side="port",
         args=pair("reinforce_numpy.py", "ReinforceBaseline", "02_rf_clip_after_step_port.py", "ReinforceBaseline",
                   *RF, *RF_PARAMS),
         mechanism="pair: the port calls clip_grad_norm_ after optimizer.step(): the update (and the momentum "
                   "buffer) use the unclipped gradients while the .grad left behind is clipped, so every "
                   "parameter's update is larger by 1 / coef (the global norm over MAX_NORM) on the steps where "
                   "the norm exceeds 1; gradients agree, updates and momentum buffers differ",
         expected=("clip", "clipping", "clip_grad_norm_", "global norm", "max_norm", "order", "after",
                   "before optimizer.step", "optimizer.step", "unclipped", "update", "momentum buffer",
                   "one factor", "scale", "norm")),
    dict(id="RL03_rf_ce_reduced_before_weighting", side="port",
         args=pair("reinforce_numpy.py", "ReinforceBaseline", "03_rf_ce_mean_port.py", "ReinforceBaseline",
                   *RF, *RF_PARAMS),
         mechanism="pair: F.cross_entropy(logits, a) without reduction='none' returns the batch mean of "
                   "-log pi(a|s), so the policy term becomes mean(adv) * mean(-log pi) instead of "
                   "mean(adv * -log pi): each row's log-probability is weighted by the batch's average advantage, "
                   "the loss and the policy (and trunk) gradients differ",
         expected=("cross_entropy", "cross entropy", "reduction", "reduction='none'", "none", "mean",
                   "per-sample", "per sample", "weighted", "advantage", "weighting", "batch mean",
                   "reduced", "log-prob", "policy gradient")),
    dict(id="RL04_ppo_unbiased_std", side="port",
         args=pair("ppo_numpy.py", "PPODiscrete", "04_ppo_unbiased_std_port.py", "PPODiscrete", *PPO, *PPO_PARAMS),
         mechanism="pair: the port normalises the advantages with adv.std(), torch's unbiased (n - 1) std, "
                   "where the NumPy program uses np.std (population, ddof=0): the normalised advantages are "
                   "smaller by sqrt((n - 1) / n) = sqrt(23/24), about 2%, so the surrogate and the policy "
                   "gradients are about 2% smaller (the critic is right)",
         expected=("std", "unbiased", "bessel", "ddof", "n - 1", "n-1", "correction", "population",
                   "normaliz", "normalis", "advantage", "standard deviation", "np.std", "torch.std",
                   "scaled")),
    dict(id="RL05_ppo_oldlogp_broadcast", side="port",
         args=pair("ppo_numpy.py", "PPODiscrete", "05_ppo_oldlogp_column_port.py", "PPODiscrete", *PPO, *PPO_PARAMS),
         mechanism="pair: the port reads the old log-probabilities as X[:, 8:], an (n, 1) column, so "
                   "logp - old_logp broadcasts to an (n, n) matrix of ratios (every row's new log-prob against "
                   "every row's old one) and the surrogate averages n^2 terms: the loss and the policy gradients "
                   "differ from the first step",
         expected=("broadcast", "shape", "(n, 1)", "(n, n)", "column", "slice", "keepdim", "old log",
                   "old_logp", "ratio", "importance ratio", "outer", "dimension", "squeeze", "matrix")),
    dict(id="RL06_ppo_scheduler_before_step", side="port",
         args=pair("ppo_numpy.py", "PPODiscrete", "06_ppo_sched_before_step_port.py", "PPODiscrete", *PPO,
                   *PPO_PARAMS),
         mechanism="pair: the port calls scheduler.step() before optimizer.step(): the linear annealing runs one "
                   "step ahead, the t-th update made with LR * (1 - t / 25) instead of LR * (1 - (t - 1) / 25) "
                   "(the first already at 0.96 LR); gradients and Adam moments agree, every update is smaller "
                   "by a ratio that moves with the step",
         expected=("scheduler", "schedule", "lambdalr", "learning rate", "anneal", "linear decay", "off by one",
                   "off-by-one", "one step ahead", "order", "before optimizer.step", "scheduler.step",
                   "update", "lr", "decay")),
    dict(id="RL07_gauss_logvar_scale", side="port",
         args=pair("gaussian_numpy.py", "GaussianPPO", "07_gauss_logvar_scale_port.py", "GaussianPPO", *GS, *GS_PARAMS),
         mechanism="pair: the port builds Normal(mu, exp(0.5 * log_std)), reading the learned log-std as a "
                   "log-variance: the policy's std is sqrt(0.6) instead of 0.6, so the log-density, the ratios, "
                   "which rows are clipped, the entropy and every policy gradient (log_std's at half) differ",
         expected=("log_std", "log-std", "std", "variance", "log variance", "log-variance", "scale", "normal",
                   "gaussian", "0.5", "sqrt", "exp", "log-prob", "log_prob", "sigma")),
    dict(id="RL08_gauss_rmsprop_eps_default", side="port",
         args=pair("gaussian_numpy.py", "GaussianPPO", "08_gauss_rmsprop_eps_port.py", "GaussianPPO", *GS, *GS_PARAMS),
         mechanism="pair: the port's torch.optim.RMSprop is built without eps=1e-5, so it takes torch's default "
                   "1e-8: the step lr * g / (sqrt(square_avg) + eps) is larger wherever sqrt(square_avg) is not "
                   "far above 1e-5 (small gradients); gradients and square averages agree, the updates differ",
         expected=("rmsprop", "eps", "epsilon", "1e-5", "1e-8", "default", "denominator", "square_avg",
                   "optimizer", "update", "hyperparameter", "small gradients", "sqrt", "stability",
                   "adaptive")),
]

CASES += [
    # ------------------------------------------------------------------ NumPy programs
    dict(id="RL09_rf_trunk_misses_value_path", side="numpy",
         args=pair("09_rf_trunk_value_path_numpy.py", "ReinforceBaseline", "reinforce_torch.py", "ReinforceBaseline",
                   *RF, *RF_PARAMS),
         mechanism="pair: the backward into the shared trunk is dh = dz @ Wp.T, dropping the value head's "
                   "dv @ Wv.T: the value loss never trains the shared layer, so W1 and b1 get the policy and "
                   "entropy gradients only; the heads' gradients and the loss are right",
         expected=("shared", "trunk", "value head", "value loss", "missing term", "backward", "dh", "sum of",
                   "both heads", "critic", "hidden layer", "w1", "b1", "chain rule", "gradient")),
    dict(id="RL10_rf_entropy_coef_not_decayed_in_backward", side="numpy",
         args=pair("10_rf_entropy_coef_backward_numpy.py", "ReinforceBaseline", "reinforce_torch.py",
                   "ReinforceBaseline", *RF, *RF_PARAMS),
         mechanism="pair: the loss uses the decayed entropy coefficient beta_t = ENT0 * 0.9^(t-1) but the "
                   "backward's entropy term uses the constant ENT0: step 1 agrees, from step 2 the logits' "
                   "gradient carries (ENT0 - beta_t) too much entropy bonus; the loss is right, the policy and "
                   "trunk gradients differ by a growing amount",
         expected=("entropy", "entropy bonus", "coefficient", "beta", "decay", "schedule", "ent0", "constant",
                   "backward", "gradient", "step 2", "inconsistent", "loss and gradient", "logits",
                   "annealed")),
    dict(id="RL11_ppo_clip_mask_range_only", side="numpy",
         args=pair("11_ppo_clip_mask_numpy.py", "PPODiscrete", "ppo_torch.py", "PPODiscrete", *PPO, *PPO_PARAMS),
         mechanism="pair: the surrogate's gradient is let through only where |r - 1| <= CLIP instead of where the "
                   "unclipped term is the minimum: rows with A > 0 and r < 0.8, or A < 0 and r > 1.2, where "
                   "min() picks r * A and torch's gradient flows, get none; the loss is right, the policy "
                   "gradients are too small",
         expected=("clip", "clipped", "surrogate", "ppo", "min", "minimum", "mask", "ratio", "clip range",
                   "advantage sign", "backward", "gradient", "pessimistic", "unclipped", "zero gradient")),
    dict(id="RL12_ppo_adam_no_v_correction", side="numpy",
         args=pair("12_ppo_adam_vhat_numpy.py", "PPODiscrete", "ppo_torch.py", "PPODiscrete", *PPO, *PPO_PARAMS),
         mechanism="pair: the Adam step leaves out the second moment's bias correction (v_hat = v instead of "
                   "v / (1 - 0.999^t)): early on sqrt(v) is about sqrt(1 - 0.999^t) of torch's, so each update "
                   "is about 1 / sqrt(1 - 0.999^t) larger (about 32x at step 1, a ratio that shrinks with the "
                   "step); gradients and moments agree",
         expected=("adam", "bias correction", "second moment", "v_hat", "1 - beta2", "beta2", "exp_avg_sq",
                   "update", "optimizer", "ratio moving with the step", "larger", "sqrt", "variance",
                   "correction", "warm")),
    dict(id="RL13_ppo_log_softmax_axis", side="numpy",
         args=pair("13_ppo_softmax_axis_numpy.py", "PPODiscrete", "ppo_torch.py", "PPODiscrete", *PPO, *PPO_PARAMS),
         mechanism="pair: the log-softmax is taken along axis 0 (over the rows of the batch) instead of axis 1 "
                   "(over the four actions): the log-probabilities, ratios, entropy and loss are wrong from the "
                   "first step, and the backward (written for a per-row softmax) does not match either",
         expected=("axis", "axis=0", "axis=1", "softmax", "log_softmax", "log-softmax", "normaliz", "batch",
                   "over the rows", "actions", "dim", "forward", "log-prob", "probabilities", "wrong axis")),
    dict(id="RL14_gauss_logstd_missing_chain", side="numpy",
         args=pair("14_gauss_logstd_chain_numpy.py", "GaussianPPO", "gaussian_torch.py", "GaussianPPO", *GS,
                   *GS_PARAMS),
         mechanism="pair: the policy term's gradient on log_std is the derivative by std, (u^2 - 1) / std, "
                   "instead of by log_std, (u^2 - 1): the chain rule through std = exp(log_std) is missed, so "
                   "log_std's surrogate gradient is 1 / 0.6 (about 1.67) times too large; other gradients and "
                   "the loss are right",
         expected=("log_std", "log-std", "chain rule", "exp", "std", "sigma", "derivative", "backward",
                   "gradient", "parametriz", "parametris", "1/std", "divide", "factor", "gaussian")),
    dict(id="RL15_gauss_rmsprop_alpha_swapped", side="numpy",
         args=pair("15_gauss_rmsprop_alpha_numpy.py", "GaussianPPO", "gaussian_torch.py", "GaussianPPO", *GS,
                   *GS_PARAMS),
         mechanism="pair: the RMSprop running average swaps its weights, square_avg = 0.01 * square_avg + "
                   "0.99 * g^2 instead of 0.99 * square_avg + 0.01 * g^2: the average follows the latest squared "
                   "gradient, so each update is about lr * sign(g), about ten times smaller than torch's early "
                   "steps; gradients agree, the square averages and updates differ",
         expected=("rmsprop", "alpha", "square_avg", "running average", "moving average", "decay", "swapped",
                   "1 - alpha", "squared gradient", "optimizer", "update", "denominator", "smoothing",
                   "ema", "0.99")),
    dict(id="RL16_gauss_ratio_inverted", side="numpy",
         args=pair("16_gauss_ratio_inverted_numpy.py", "GaussianPPO", "gaussian_torch.py", "GaussianPPO", *GS,
                   *GS_PARAMS),
         mechanism="pair: the importance ratio is exp(old_logp - logp), old over new, instead of "
                   "exp(logp - old_logp): the surrogate, which rows are clipped and the loss differ from the "
                   "first step, and the policy gradient points the other way (d r / d logp = -r)",
         expected=("ratio", "importance ratio", "inverted", "reciprocal", "old_logp", "old log", "swapped",
                   "order", "exp", "probability ratio", "sign", "surrogate", "log-prob", "new policy",
                   "forward")),
]

CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="RL17_rf_outin_einsum_numpy", side="correct",
         args=pair("reinforce_alt_numpy.py", "ReinforceAlt", "reinforce_torch.py", "ReinforceBaseline", *RF,
                   *RF_ALT_PARAMS),
         mechanism="pair: REINFORCE-with-baseline in NumPy with (out, in) weights under other names, np.einsum "
                   "products, np.log of a softmax, separate loss/backward/clip/update methods with a cache, the "
                   "global norm via np.linalg.norm of the concatenated gradients, and momentum with the learning "
                   "rate folded into the buffer (delta = 0.9 delta + lr g); against the nn.Linear port",
         expected=()),
    dict(id="RL18_ppo_raw_param_port", side="correct",
         args=pair("ppo_numpy.py", "PPODiscrete", "ppo_params_torch.py", "PPODiscreteP", *PPO, *PPO_P_PARAMS),
         mechanism="pair: PPO port with raw (in, out) nn.Parameters, Categorical log_prob and entropy, "
                   "torch.var_mean(correction=0) normalisation, the objective as max of the negated surrogates, "
                   "Adam(foreach=False) and the linear annealing set in param_groups by hand", expected=()),
    dict(id="RL19_gauss_flat_theta_numpy", side="correct",
         args=pair("gaussian_flat_numpy.py", "GaussianFlat", "gaussian_torch.py", "GaussianPPO", *GS, *GS_PARAMS),
         mechanism="pair: Gaussian PPO in NumPy with every parameter and gradient a view into one flat vector, "
                   "RMSprop on the whole vector, the log-density through exp(-2 log_std), the clipped surrogate "
                   "through np.where and its gradient through the advantage's sign, self.lr *= GAMMA",
         expected=()),
]

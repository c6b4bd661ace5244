"""One hundred and fifty-second fresh held-out set for the diagnosis: one planted bug per program
in fresh152/, 8 PyTorch ports (checked against the correct NumPy program) and 8 NumPy programs
(checked against the correct port), and 3 correct variants. The theme is value-based and
policy-gradient reinforcement-learning updates on fixed batches of transitions given as data:
a double DQN with a target network copied every few updates and a Huber TD loss, REINFORCE with
a learned baseline and standardised discounted returns, and a one-step advantage actor-critic
with an entropy bonus, global gradient clipping and RMSprop.

The base programs (data from fresh152/make_data.py, fixed seed, nothing random while training;
every step is one update on the whole batch):

    dqn_numpy.py:DoubleDQN / dqn_torch.py:DoubleDQN, dqn.npz X (48, 10) = [s (4), r, done,
        s' (4)], y (48,) int64 actions in {0, 1, 2}
        Q network 4 -> 8 ReLU -> 3 (NumPy: dict params, W kept (in, out)). The target network
        is a copy of the online parameters refreshed at the start of updates 0, 5, 10, 15
        (port: buffers, not parameters). Double-DQN target r + 0.9 (1 - done) Q_target(s',
        argmax_a Q_online(s', a)), a constant; Huber (smooth L1, delta 1) loss on Q(s, a),
        mean over the batch. Adam lr 0.01, betas (0.9, 0.999), eps 1e-8, bias-corrected.
    pg_numpy.py:ReinforceBaseline / pg_torch.py:ReinforceBaseline, pg.npz X (48, 6) = [s (4),
        r, done], y (48,) actions in {0, 1, 2}; six episodes end to end (done on each last step)
        discounted returns G_t = r_t + 0.95 G_{t+1} (1 - done_t), standardised with the biased
        std (+1e-8); policy 4 -> 8 tanh -> 3 softmax, linear baseline V(s) 4 -> 1 (NumPy:
        attributes, torch layout (out, in)); loss -mean(log pi(a|s) (Gn - V)) with the
        advantage detached + 0.5 mean((V - Gn)^2). SGD lr 0.05 momentum 0.9 (torch.optim.SGD
        form), StepLR halving the rate every 8 steps.
    a2c_numpy.py:A2C / a2c_torch.py:A2C, a2c.npz X (40, 10) = [s (4), r, done, s' (4)],
        y (40,) actions in {0, 1, 2, 3}
        shared tanh trunk 4 -> 10, policy head 10 -> 4, value head 10 -> 1 (NumPy: nested dict
        layers['trunk' | 'pi' | 'v']['W' | 'b'], W kept (in, out)); one-step TD target
        r + 0.9 (1 - done) V(s') detached, advantage A = target - V(s); loss -mean(log pi(a|s) A)
        (A detached) + 0.5 mean(A^2) - 0.05 mean(entropy). Gradients clipped to a global L2
        norm of 0.5 (clip_grad_norm_), then RMSprop lr 5e-3, alpha 0.99, eps 1e-5. Gradients
        and RMSprop's square_avg compared through --grads / --state (nested dicts flattened).

Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh152_cases

Each case:
    id          short name (prefixed TV)
    side        "port", "numpy" or "correct"
    args        the `parity check` argument list (paths relative to the repository root); every
                case gives --as-written, its --param pairs, --steps 20, --dtype float32, --device cpu
    mechanism   the planted mechanism, one or two lines
    expected    keywords (case-insensitive) that an explanation naming the mechanism would contain;
                written from the mechanism, before any run, not from the kit's output; () for a correct program

Written without reading the kit's diagnosis rules, findings or measurements, nor any other set;
validated by exit status alone (each bug exits 1 and its fixed copy exits 0 under the same
arguments; each base pair and each correct variant exits 0).
"""

F = "scripts/diagnosis_sets/fresh152/"
RUN = ["--steps", "20", "--dtype", "float32", "--device", "cpu"]


def dqn(numpy="dqn_numpy.py", port="dqn_torch.py"):
    return [F + numpy + ":DoubleDQN", "--torch", F + port + ":DoubleDQN",
            "--data", F + "dqn.npz", "--as-written",
            "--param", "params['W1']=fc1.weight.T",
            "--param", "params['b1']=fc1.bias",
            "--param", "params['W2']=fc2.weight.T",
            "--param", "params['b2']=fc2.bias", *RUN]


def dqn_alt():
    return [F + "dqn_alt_numpy.py:DoubleDQNAlt", "--torch", F + "dqn_torch.py:DoubleDQN",
            "--data", F + "dqn.npz", "--as-written",
            "--param", "p['W1']=fc1.weight",
            "--param", "p['b1']=fc1.bias",
            "--param", "p['W2']=fc2.weight",
            "--param", "p['b2']=fc2.bias", *RUN]


def pg(numpy="pg_numpy.py", port="pg_torch.py"):
    return [F + numpy + ":ReinforceBaseline", "--torch", F + port + ":ReinforceBaseline",
            "--data", F + "pg.npz", "--as-written",
            "--param", "W1=hidden.weight",
            "--param", "b1=hidden.bias",
            "--param", "W2=pi.weight",
            "--param", "b2=pi.bias",
            "--param", "Wv=value.weight",
            "--param", "bv=value.bias", *RUN]


def pg_alt():
    return [F + "pg_numpy.py:ReinforceBaseline", "--torch", F + "pg_alt_torch.py:ReinforceAlt",
            "--data", F + "pg.npz", "--as-written",
            "--param", "W1=body.0.weight",
            "--param", "b1=body.0.bias",
            "--param", "W2=head.weight",
            "--param", "b2=head.bias",
            "--param", "Wv=baseline.weight",
            "--param", "bv=baseline.bias", *RUN]


A2C_GRADS = "{'layers_'+l+'_'+k: g for l, d in net.grads.items() for k, g in d.items()}"
A2C_STATE = ("square_avg={'layers_'+l+'_'+k: s for l, d in net.square_avg.items() "
             "for k, s in d.items()}")


def a2c(numpy="a2c_numpy.py:A2C", port="a2c_torch.py"):
    return [F + numpy, "--torch", F + port + ":A2C",
            "--data", F + "a2c.npz", "--as-written",
            "--param", "layers['trunk']['W']=trunk.weight.T",
            "--param", "layers['trunk']['b']=trunk.bias",
            "--param", "layers['pi']['W']=pi.weight.T",
            "--param", "layers['pi']['b']=pi.bias",
            "--param", "layers['v']['W']=v.weight.T",
            "--param", "layers['v']['b']=v.bias",
            "--grads", A2C_GRADS, "--state", A2C_STATE, *RUN]


CASES = [
    # ---------------------------------------------------------------- PyTorch ports with one bug
    {"id": "TV01", "side": "port", "args": dqn(port="01_vanillamax_port.py"),
     "mechanism": "TD target max_a Q_target(s', a) (vanilla DQN) instead of the double-DQN "
                  "target, where the online network selects the action and the target network "
                  "evaluates it",
     "expected": ("double", "argmax", "online network", "select", "vanilla", "overestimat")},
    {"id": "TV02", "side": "port", "args": dqn(port="02_mseloss_port.py"),
     "mechanism": "F.mse_loss on the TD error where the NumPy program uses the Huber loss "
                  "(smooth L1, delta 1): gradient 2 delta instead of clip(delta, -1, 1)",
     "expected": ("huber", "smooth_l1", "smooth l1", "mse", "squared", "delta")},
    {"id": "TV03", "side": "port", "args": dqn(port="03_synceverystep_port.py"),
     "mechanism": "target network copied from the online network at every update (the "
                  "`updates % target_every` test left out) instead of every 5 updates",
     "expected": ("target network", "sync", "every", "copy", "frozen", "period")},
    {"id": "TV04", "side": "port", "args": pg(port="04_unbiasedstd_port.py"),
     "mechanism": "returns standardised with torch's G.std(), the unbiased (N - 1) standard "
                  "deviation, where NumPy's G.std() is the biased one",
     "expected": ("unbiased", "std", "bessel", "ddof", "n - 1", "correction")},
    {"id": "TV05", "side": "port", "args": pg(port="05_logsoftmaxdim_port.py"),
     "mechanism": "F.log_softmax(logits, dim=0): the policy normalised over the batch axis "
                  "instead of over the actions",
     "expected": ("dim", "axis", "log_softmax", "log-softmax", "batch", "actions")},
    {"id": "TV06", "side": "port", "args": pg(port="06_advnodetach_port.py"),
     "mechanism": "advantage Gn - V(s) not detached in the policy term: the policy-gradient loss "
                  "also pushes gradient into the baseline's parameters",
     "expected": ("detach", "baseline", "advantage", "stop-gradient", "stop gradient",
                  "no_grad")},
    {"id": "TV07", "side": "port", "args": a2c(port="07_bootstrapgrad_port.py"),
     "mechanism": "bootstrapped target r + gamma (1 - done) V(s') computed outside "
                  "torch.no_grad(): the value loss sends gradient through V(s') (full gradient "
                  "instead of the semi-gradient TD update)",
     "expected": ("bootstrap", "semi-gradient", "detach", "next state", "no_grad", "target")},
    {"id": "TV08", "side": "port", "args": a2c(port="08_clipvalue_port.py"),
     "mechanism": "clip_grad_value_(params, 0.5), elementwise clamping, instead of "
                  "clip_grad_norm_(params, 0.5), scaling by the global norm",
     "expected": ("clip_grad_value", "clip_grad_norm", "elementwise", "clamp", "norm",
                  "clipping")},
    # ---------------------------------------------------------------- NumPy programs with one bug
    {"id": "TV09", "side": "numpy", "args": dqn(numpy="09_allactions_numpy.py"),
     "mechanism": "TD-error gradient written into every action's Q output (dq[:] = ddelta) "
                  "instead of only the taken action's column (the gather's backward)",
     "expected": ("taken action", "gather", "one-hot", "every action", "all actions",
                  "scatter")},
    {"id": "TV10", "side": "numpy", "args": dqn(numpy="10_nodonemask_numpy.py"),
     "mechanism": "TD target without the (1 - done) factor: terminal transitions still "
                  "bootstrap from Q_target(s')",
     "expected": ("done", "terminal", "1 - done", "mask", "bootstrap")},
    {"id": "TV11", "side": "numpy", "args": dqn(numpy="11_shallowtarget_numpy.py"),
     "mechanism": "target network 'copied' as dict(self.params): a shallow copy whose arrays "
                  "alias the online ones, so the in-place Adam update moves the target too "
                  "(target always equals the online network)",
     "expected": ("shallow", "alias", "copy", "reference", "target network", "in place")},
    {"id": "TV12", "side": "numpy", "args": pg(numpy="12_noepisodereset_numpy.py"),
     "mechanism": "discounted returns accumulated across episode boundaries: the running "
                  "return is not reset where done = 1 (the (1 - done) factor left out)",
     "expected": ("episode", "boundary", "done", "reset", "discounted return", "returns")},
    {"id": "TV13", "side": "numpy", "args": pg(numpy="13_logsoftmaxgrad_numpy.py"),
     "mechanism": "policy-gradient backward through log-softmax as if log pi(a|s) were the "
                  "logit itself: d/dlogits = -onehot * A / N, the '- probs' term left out",
     "expected": ("log-softmax", "log_softmax", "softmax", "probs", "probabilities",
                  "one-hot")},
    {"id": "TV14", "side": "numpy", "args": a2c(numpy="14_entropygrad_numpy.py:A2C"),
     "mechanism": "entropy-bonus gradient taken as -p (log p + 1) per logit (the derivative "
                  "in p times p) instead of -p (log p + H): the softmax coupling left out",
     "expected": ("entropy", "softmax", "jacobian", "log p", "bonus")},
    {"id": "TV15", "side": "numpy", "args": a2c(numpy="15_rmspropalpha_numpy.py:A2C"),
     "mechanism": "RMSprop running average with the weights swapped: square_avg = "
                  "(1 - alpha) square_avg + alpha g^2 (alpha 0.99)",
     "expected": ("rmsprop", "alpha", "square_avg", "swapped", "smoothing", "decay")},
    {"id": "TV16", "side": "numpy", "args": a2c(numpy="16_perparamclip_numpy.py:A2C"),
     "mechanism": "gradient clipped per parameter (each tensor's own L2 norm to 0.5) instead "
                  "of by the global norm over all parameters",
     "expected": ("clip", "global norm", "per-parameter", "per parameter", "total norm",
                  "each parameter")},
    # ---------------------------------------------------------------- correct variants
    {"id": "TV17", "side": "correct", "args": dqn_alt(),
     "mechanism": "correct: NumPy double DQN with weights kept (out, in), take_along_axis / "
                  "put_along_axis, Huber derivative as np.clip, target as a list of copied "
                  "(W, b) pairs, Adam with the bias corrections folded into step and denominator",
     "expected": ()},
    {"id": "TV18", "side": "correct", "args": pg_alt(),
     "mechanism": "correct: port with returns from a masked discount matrix product, "
                  "log-softmax as logits - logsumexp, a hand-written biased std, the advantage "
                  "under no_grad and a LambdaLR halving schedule",
     "expected": ()},
    {"id": "TV19", "side": "correct", "args": a2c(numpy="a2c_alt_numpy.py:A2CLoop"),
     "mechanism": "correct: NumPy actor-critic with gradients accumulated one transition at a "
                  "time, the entropy gradient through the softmax Jacobian, clipping by the "
                  "norm of one flat vector, RMSprop with fresh arrays",
     "expected": ()},
]

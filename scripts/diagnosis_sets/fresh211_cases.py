"""Two hundred and eleventh fresh held-out set for the diagnosis: one planted bug per program in
fresh211/, 8 PyTorch ports (checked against the correct NumPy program) and 8 NumPy programs
(checked against the correct port), and 3 correct variants. The theme is actor-critic trained on
logged episodes: a policy head and a value head sharing a trunk, discounted returns or GAE
advantages computed from the logged rewards (cut at every episode end), an entropy bonus, and a
value loss weighted against the policy loss.

The base programs (data from fresh211/make_data.py, fixed seed, nothing random while training;
y holds (action, reward, done) per row, in time order, the last row ending an episode):

    a2c_numpy.py:ActorCritic / a2c_torch.py:ActorCritic, a2c.npz X (48, 6), y (48, 3), 4 actions
        trunk tanh(X W1 + b1), 32 units (W kept (in, out), attributes); policy head 32->4
        (softmax), value head 32->1. Discounted returns G_t = r_t + 0.95 (1 - done_t) G_{t+1};
        advantage G - V taken as a constant; loss = -mean(log pi(a) adv) + 0.5 mean((G - V)^2)
        - 0.01 mean(entropy). Adam lr 3e-3, betas (0.9, 0.999), eps 1e-8 (net.m / net.v).
    gae_numpy.py:GAEActorCritic / gae_torch.py:GAEActorCritic, gae.npz X (64, 8), y (64, 3),
        5 actions
        two ReLU trunk layers 8->32->32 (params dict, W kept (in, out)); actor 32->5; critic
        as a weight vector wc (32,) and bias bc (1,). GAE(gamma 0.97, lambda 0.9) with the next
        value cut at done_t, critic target A + V, advantages normalised with the biased std;
        loss = -mean(log pi(a) A_norm) + 0.5 * 0.5 mean((R - V)^2) - 0.01 mean(entropy).
        Gradients clipped to global norm 0.2 (clip_grad_norm_), RMSprop lr 1e-3, alpha 0.99,
        eps 1e-5 added to the root (net.square_avg, compared with --state).

Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh211_cases

Each case:
    id          short name (prefixed WC)
    side        "port", "numpy" or "correct"
    args        the `parity check` argument list (paths relative to the repository root); every
                case gives --as-written, its --param pairs, --steps 20, --dtype float32, --device cpu
    mechanism   the planted mechanism, one line
    expected    keywords (case-insensitive) that an explanation naming the mechanism would contain;
                written from the mechanism, before any run, not from the kit's output; () for a correct program

Written without reading the kit's diagnosis rules, findings or measurements, nor any other set;
validated by exit status alone (each bug exits 1 and its fixed copy exits 0 under the same
arguments; each base pair and each correct variant exits 0).
"""

F = "scripts/diagnosis_sets/fresh211/"
RUN = ["--steps", "20", "--dtype", "float32", "--device", "cpu"]


def a2c(numpy="a2c_numpy.py", port="a2c_torch.py"):
    return [F + numpy + ":ActorCritic", "--torch", F + port + ":ActorCritic",
            "--data", F + "a2c.npz", "--as-written",
            "--param", "W1=trunk.weight.T",
            "--param", "b1=trunk.bias",
            "--param", "Wpi=pi.weight.T",
            "--param", "bpi=pi.bias",
            "--param", "Wv=v.weight.T",
            "--param", "bv=v.bias", *RUN]


def a2c_alt():
    return [F + "a2c_alt_numpy.py:ActorCriticAlt", "--torch", F + "a2c_torch.py:ActorCritic",
            "--data", F + "a2c.npz", "--as-written",
            "--param", "p['W1']=trunk.weight",
            "--param", "p['b1']=trunk.bias",
            "--param", "p['Wpi']=pi.weight",
            "--param", "p['bpi']=pi.bias",
            "--param", "p['Wv']=v.weight",
            "--param", "p['bv']=v.bias",
            "--state", "exp_avg=net.exp_avg",
            "--state", "exp_avg_sq=net.exp_avg_sq", *RUN]


def gae(numpy="gae_numpy.py", port="gae_torch.py"):
    return [F + numpy + ":GAEActorCritic", "--torch", F + port + ":GAEActorCritic",
            "--data", F + "gae.npz", "--as-written",
            "--param", "params['W1']=fc1.weight.T",
            "--param", "params['b1']=fc1.bias",
            "--param", "params['W2']=fc2.weight.T",
            "--param", "params['b2']=fc2.bias",
            "--param", "params['Wa']=actor.weight.T",
            "--param", "params['ba']=actor.bias",
            "--param", "params['wc']=critic.weight.reshape(32)",
            "--param", "params['bc']=critic.bias",
            "--state", "square_avg=net.square_avg", *RUN]


def gae_alt_port():
    return [F + "gae_numpy.py:GAEActorCritic", "--torch", F + "gae_alt_torch.py:SharedActorCritic",
            "--data", F + "gae.npz", "--as-written",
            "--param", "params['W1']=body.0.weight.T",
            "--param", "params['b1']=body.0.bias",
            "--param", "params['W2']=body.2.weight.T",
            "--param", "params['b2']=body.2.bias",
            "--param", "params['Wa']=policy.weight.T",
            "--param", "params['ba']=policy.bias",
            "--param", "params['wc']=value_w",
            "--param", "params['bc']=value_b",
            "--state", "square_avg=net.square_avg", *RUN]


def gae_alt_numpy():
    return [F + "gae_alt_numpy.py:GAELayers", "--torch", F + "gae_torch.py:GAEActorCritic",
            "--data", F + "gae.npz", "--as-written",
            "--param", "params['fc1.w']=fc1.weight",
            "--param", "params['fc1.b']=fc1.bias",
            "--param", "params['fc2.w']=fc2.weight",
            "--param", "params['fc2.b']=fc2.bias",
            "--param", "params['pi.w']=actor.weight",
            "--param", "params['pi.b']=actor.bias",
            "--param", "params['v.w']=critic.weight",
            "--param", "params['v.b']=critic.bias",
            "--state", "square_avg=net.sq", *RUN]


CASES = [
    # ---------------------------------------------------------------- PyTorch ports with one bug
    {"id": "WC01", "side": "port", "args": a2c(port="01_advgrad_port.py"),
     "mechanism": "advantage (returns - values) not detached in the policy loss: the policy "
                  "gradient also flows into the value head and the shared trunk through V",
     "expected": ("detach", "stop-gradient", "stop gradient", "advantage", "no_grad")},
    {"id": "WC02", "side": "port", "args": a2c(port="02_noreset_port.py"),
     "mechanism": "discounted returns computed without the (1 - done) mask: the running return is "
                  "never reset at an episode end, so each episode's returns leak into the previous one",
     "expected": ("done", "reset", "episode", "mask", "boundary", "terminal")},
    {"id": "WC03", "side": "port", "args": a2c(port="03_entsign_port.py"),
     "mechanism": "entropy bonus added to the loss with the wrong sign (+ 0.01 * entropy instead "
                  "of - 0.01 * entropy): entropy is penalised instead of rewarded",
     "expected": ("entropy", "sign", "negated", "bonus")},
    {"id": "WC04", "side": "port", "args": a2c(port="04_vshape_port.py"),
     "mechanism": "value head output kept (N, 1) (no squeeze) and passed to F.mse_loss against "
                  "returns (N,): broadcasting makes an (N, N) difference in the value loss",
     "expected": ("broadcast", "shape", "squeeze", "(n, 1)", "value loss")},
    {"id": "WC05", "side": "port", "args": gae(port="05_stdunbiased_port.py"),
     "mechanism": "advantage normalisation with advantages.std() (unbiased, divides by N - 1) where "
                  "the NumPy program uses np.std (biased, divides by N)",
     "expected": ("unbiased", "std", "bessel", "ddof", "n - 1", "normalis")},
    {"id": "WC06", "side": "port", "args": gae(port="06_zerograd_port.py"),
     "mechanism": "optimizer.zero_grad() left out: gradients accumulate across steps (the clipping "
                  "and RMSprop see the running sum)",
     "expected": ("zero_grad", "accumulat", "accumulate", "stale")},
    {"id": "WC07", "side": "port", "args": gae(port="07_donenext_port.py"),
     "mechanism": "GAE mask off by one in time: uses 1 - done[t + 1] (the 'done at the next obs' "
                  "convention) where the logged done_t marks the last step of an episode",
     "expected": ("done", "off-by-one", "off by one", "t + 1", "mask", "episode")},
    {"id": "WC08", "side": "port", "args": gae(port="08_logsoftmaxdim_port.py"),
     "mechanism": "F.log_softmax(logits, dim=0): the policy normalised over the batch instead of "
                  "over the actions",
     "expected": ("dim", "axis", "log_softmax", "softmax", "batch")},
    # ---------------------------------------------------------------- NumPy programs with one bug
    {"id": "WC09", "side": "numpy", "args": a2c(numpy="09_entgrad_numpy.py"),
     "mechanism": "entropy-bonus gradient w.r.t. the logits written as c * p * log p / N, the "
                  "+ H term (p * (log p + H)) left out",
     "expected": ("entropy", "derivative", "gradient", "logits")},
    {"id": "WC10", "side": "numpy", "args": a2c(numpy="10_valuefactor_numpy.py"),
     "mechanism": "value-loss derivative missing the factor 2 of the squared error "
                  "(dV = c (V - G) / N instead of 2 c (V - G) / N): value head gradient halved",
     "expected": ("factor 2", "factor of 2", "value", "half", "0.5", "mse")},
    {"id": "WC11", "side": "numpy", "args": a2c(numpy="11_adambc_numpy.py"),
     "mechanism": "Adam second-moment bias correction written with beta1 (1 - beta1^t) instead of "
                  "beta2 (1 - beta2^t)",
     "expected": ("bias correction", "bias-correct", "beta2", "second moment", "exp_avg_sq", "v_hat")},
    {"id": "WC12", "side": "numpy", "args": a2c(numpy="12_tanhgrad_numpy.py"),
     "mechanism": "trunk tanh derivative taken of the already-activated values: 1 - tanh(h)^2 with "
                  "h = tanh(z), instead of 1 - h^2",
     "expected": ("tanh", "derivative", "activation", "activated")},
    {"id": "WC13", "side": "numpy", "args": gae(numpy="13_epsinside_numpy.py"),
     "mechanism": "RMSprop eps placed inside the square root (sqrt(v + eps)) where torch adds it "
                  "to the root (sqrt(v) + eps)",
     "expected": ("eps", "epsilon", "sqrt", "root", "rmsprop")},
    {"id": "WC14", "side": "numpy", "args": gae(numpy="14_trunkcritic_numpy.py"),
     "mechanism": "shared-trunk backward takes only the actor head's gradient: the critic's "
                  "contribution dV wc^T to dh2 is left out (W1, b1, W2, b2 gradients)",
     "expected": ("critic", "value", "trunk", "shared", "missing", "head")},
    {"id": "WC15", "side": "numpy", "args": gae(numpy="15_clipeach_numpy.py"),
     "mechanism": "gradient clipping applied to each parameter's own norm instead of the global "
                  "norm over all parameters (clip_grad_norm_)",
     "expected": ("clip", "global norm", "norm", "per-parameter", "per parameter")},
    {"id": "WC16", "side": "numpy", "args": gae(numpy="16_normreturns_numpy.py"),
     "mechanism": "critic target built from the normalised advantages (R = A_norm + V) instead of "
                  "the raw GAE advantages (R = A + V)",
     "expected": ("normalis", "normaliz", "target", "return", "critic", "value")},
    # ---------------------------------------------------------------- correct variants
    {"id": "WC17", "side": "correct", "args": a2c_alt(),
     "mechanism": "correct: weights in (out, in) layout, einsum, returns as a discount matrix "
                  "product, gradient through d loss / d log pi, Adam in place in torch's form",
     "expected": ()},
    {"id": "WC18", "side": "correct", "args": gae_alt_port(),
     "mechanism": "correct: port with nn.Sequential trunk, critic as bare nn.Parameters, "
                  "Categorical log_prob / entropy, GAE collected in a list, torch.var_mean",
     "expected": ()},
    {"id": "WC19", "side": "correct", "args": gae_alt_numpy(),
     "mechanism": "correct: NumPy GAE net with (out, in) weights under dotted names, GAE per "
                  "episode segment, np.where ReLU backward, concatenated global norm, RMSprop in place",
     "expected": ()},
]

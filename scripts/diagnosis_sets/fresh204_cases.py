"""Two hundred and fourth fresh held-out set for the diagnosis: one planted bug per program in
fresh204/, 8 PyTorch ports (checked against the correct NumPy program) and 8 NumPy programs
(checked against the correct port), and 3 correct variants. The theme is deep Q-learning on
logged transitions (state, action, reward, next state, done flag in the data): a Q-network MLP,
a target network copied from the online one every k updates, TD targets with the max over next
actions (DQN) or double DQN, a Huber or squared TD loss on the taken actions only, terminal
masks, RMSprop or SGD with momentum written by hand.

The base programs (data from fresh204/make_data.py, fixed seed, nothing random while training;
X (N, 2, obs) holds s = X[:, 0] and s' = X[:, 1], y (N, 3) the action (as a float), the reward
and the done flag):

    dqn_numpy.py:DQNAgent / dqn_torch.py:QNetwork, dqn.npz X (128, 2, 8), y (128, 3), 4 actions,
        mini-batches of 32 (--batch-size 32)
        Q-network 8 -> 32 ReLU -> 32 ReLU -> 4 (NumPy: params dict, W kept (in, out)); target
        network a copy of the online weights refreshed at the start of updates 0, 5, 10, ...
        (torch: buffers target_fc1_weight, ...); rewards clipped to [-1, 1];
        target = r + 0.99 (1 - done) max_a' Q_target(s', a'); Huber loss (delta 1, mean over
        the batch) on Q(s, a) of the taken action; RMSprop lr 1e-3, alpha 0.95, eps 1e-6
        outside the square root, as torch.optim.RMSprop (state square_avg = net.sq).
    ddqn_numpy.py:DoubleDQN / ddqn_torch.py:DoubleDQN, ddqn.npz X (48, 2, 6), y (48, 3),
        3 actions, the whole batch each step
        Q-network 6 -> 24 tanh -> 3 (NumPy: dict p, W kept (out, in) as torch); target network
        refreshed at the start of updates 0, 4, 8, ... (torch: buffers); double DQN:
        a* = argmax Q_online(s'), target = r + 0.95 (1 - done) Q_target(s', a*);
        loss 0.5 * mean (Q(s, a) - target)^2; SGD lr 0.05, momentum 0.9 as torch.optim.SGD
        (v = mu v + g; p -= lr v; state momentum_buffer = net.vel).

Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh204_cases

Each case:
    id          short name (prefixed VV)
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

F = "scripts/diagnosis_sets/fresh204/"
RUN = ["--steps", "20", "--dtype", "float32", "--device", "cpu"]


def dqn(numpy="dqn_numpy.py", port="dqn_torch.py"):
    return [F + numpy + ":DQNAgent", "--torch", F + port + ":QNetwork",
            "--data", F + "dqn.npz", "--as-written",
            "--param", "params['W1']=fc1.weight.T",
            "--param", "params['b1']=fc1.bias",
            "--param", "params['W2']=fc2.weight.T",
            "--param", "params['b2']=fc2.bias",
            "--param", "params['W3']=head.weight.T",
            "--param", "params['b3']=head.bias",
            "--state", "square_avg=net.sq", "--batch-size", "32", *RUN]


def dqn_alt():
    return [F + "dqn_alt_numpy.py:DQNAlt", "--torch", F + "dqn_torch.py:QNetwork",
            "--data", F + "dqn.npz", "--as-written",
            "--param", "weights['fc1.w']=fc1.weight",
            "--param", "weights['fc1.b']=fc1.bias",
            "--param", "weights['fc2.w']=fc2.weight",
            "--param", "weights['fc2.b']=fc2.bias",
            "--param", "weights['head.w']=head.weight",
            "--param", "weights['head.b']=head.bias",
            "--state", "square_avg=net.square_avg", "--batch-size", "32", *RUN]


def ddqn(numpy="ddqn_numpy.py", port="ddqn_torch.py", cls="DoubleDQN"):
    return [F + numpy + ":" + cls, "--torch", F + port + ":DoubleDQN",
            "--data", F + "ddqn.npz", "--as-written",
            "--param", "p['W_h']=hidden.weight",
            "--param", "p['b_h']=hidden.bias",
            "--param", "p['W_q']=q.weight",
            "--param", "p['b_q']=q.bias",
            "--state", "momentum_buffer=net.vel", *RUN]


def ddqn_alt_port():
    return [F + "ddqn_numpy.py:DoubleDQN", "--torch", F + "ddqn_alt_torch.py:DoubleDQNAlt",
            "--data", F + "ddqn.npz", "--as-written",
            "--param", "p['W_h']=w1",
            "--param", "p['b_h']=b1",
            "--param", "p['W_q']=w2",
            "--param", "p['b_q']=b2",
            "--state", "momentum_buffer=net.vel", *RUN]


CASES = [
    # ---------------------------------------------------------------- PyTorch ports with one bug
    {"id": "VV01", "side": "port", "args": dqn(port="01_mseloss_port.py"),
     "mechanism": "F.mse_loss (mean of squared TD errors) instead of the Huber loss "
                  "F.smooth_l1_loss: gradient 2 d instead of clip(d, -1, 1)",
     "expected": ("huber", "smooth_l1", "mse", "squared", "loss")},
    {"id": "VV02", "side": "port", "args": dqn(port="02_rmsalpha_port.py"),
     "mechanism": "torch.optim.RMSprop built without alpha=0.95: torch's default alpha 0.99 "
                  "where the NumPy RMSprop decays its squared-gradient average with 0.95",
     "expected": ("alpha", "rmsprop", "square_avg", "0.99", "decay")},
    {"id": "VV03", "side": "port", "args": dqn(port="03_nodonemask_port.py"),
     "mechanism": "terminal mask left out of the TD target: r + gamma max Q_target(s') "
                  "bootstraps past terminal transitions (no (1 - done) factor)",
     "expected": ("done", "terminal", "mask", "bootstrap")},
    {"id": "VV04", "side": "port", "args": dqn(port="04_keepdim_port.py"),
     "mechanism": "max over next actions taken with keepdim=True: the (N, 1) target broadcasts "
                  "against the (N,) Q(s, a) into an (N, N) Huber loss",
     "expected": ("broadcast", "keepdim", "shape", "(n, n)", "dim")},
    {"id": "VV05", "side": "port", "args": dqn(port="05_noclip_port.py"),
     "mechanism": "rewards not clipped to [-1, 1] in the port (the NumPy program clips them "
                  "before the TD target)",
     "expected": ("clip", "reward", "clamp", "[-1, 1]")},
    {"id": "VV06", "side": "port", "args": ddqn(port="06_targetargmax_port.py"),
     "mechanism": "double-DQN action a* chosen by argmax of the target network instead of the "
                  "online network (plain DQN max); equal until the first update after a sync",
     "expected": ("double", "argmax", "online", "target network", "selection")},
    {"id": "VV07", "side": "port", "args": ddqn(port="07_weightdecay_port.py"),
     "mechanism": "torch.optim.SGD(..., weight_decay=5e-4): an L2 term added to every gradient "
                  "in the momentum buffer, which the NumPy SGD does not have",
     "expected": ("weight decay", "weight_decay", "l2", "decay")},
    {"id": "VV08", "side": "port", "args": ddqn(port="08_nozerograd_port.py"),
     "mechanism": "optimizer.zero_grad() left out of train_step: .grad accumulates over steps",
     "expected": ("zero_grad", "accumulat", "accumulate", "zero")},
    # ---------------------------------------------------------------- NumPy programs with one bug
    {"id": "VV09", "side": "numpy", "args": dqn(numpy="09_huberclip_numpy.py"),
     "mechanism": "Huber backward not clipped: dQ = d / N (the squared-loss gradient) while the "
                  "loss is Huber; differs wherever |TD error| > 1",
     "expected": ("huber", "clip", "derivative", "smooth_l1", "gradient")},
    {"id": "VV10", "side": "numpy", "args": dqn(numpy="10_epsinside_numpy.py"),
     "mechanism": "RMSprop eps placed inside the square root: sqrt(v + eps) instead of "
                  "sqrt(v) + eps",
     "expected": ("eps", "epsilon", "sqrt", "inside", "square root")},
    {"id": "VV11", "side": "numpy", "args": dqn(numpy="11_maskreward_numpy.py"),
     "mechanism": "terminal mask applied to the reward too: target = (r + gamma max Q') (1 - done), "
                  "so terminal transitions lose their reward",
     "expected": ("done", "terminal", "mask", "reward")},
    {"id": "VV12", "side": "numpy", "args": dqn(numpy="12_syncoffbyone_numpy.py"),
     "mechanism": "update counter incremented before the target-sync check: the target network "
                  "is refreshed one update early (before updates 4, 9, ... instead of 0, 5, 10, ...)",
     "expected": ("target network", "sync", "off-by-one", "counter", "copy")},
    {"id": "VV13", "side": "numpy", "args": ddqn(numpy="13_tanhderiv_numpy.py"),
     "mechanism": "tanh derivative taken of the activation again: 1 - tanh(h)^2 with h = tanh(z) "
                  "already, instead of 1 - h^2",
     "expected": ("tanh", "derivative", "activation", "activated")},
    {"id": "VV14", "side": "numpy", "args": ddqn(numpy="14_dampening_numpy.py"),
     "mechanism": "momentum buffer as an EMA: v = mu v + (1 - mu) g (dampening) where "
                  "torch.optim.SGD adds the whole gradient",
     "expected": ("dampening", "momentum", "1 - mu", "ema", "moving average")},
    {"id": "VV15", "side": "numpy", "args": ddqn(numpy="15_gradnomean_numpy.py"),
     "mechanism": "backward of the mean TD loss without the 1/N: dQ = td, the gradient of the "
                  "summed loss (48 times too large) while the loss is reported as the mean",
     "expected": ("mean", "sum", "batch size", "1/n", "reduction", "48")},
    {"id": "VV16", "side": "numpy", "args": ddqn(numpy="16_cacheorder_numpy.py"),
     "mechanism": "Q(s) computed before the TD targets, so the forward cache (input, hidden "
                  "activations) is overwritten by the next-state forwards and backward uses s'",
     "expected": ("cache", "next state", "overwritten", "activations", "stale")},
    # ---------------------------------------------------------------- correct variants
    {"id": "VV17", "side": "correct", "args": dqn_alt(),
     "mechanism": "correct: DQN in NumPy with (out, in) weights in a dict keyed 'fc1.w', einsum "
                  "forward, Huber gradient by where/sign, in-place RMSprop, target synced after updates",
     "expected": ()},
    {"id": "VV18", "side": "correct", "args": ddqn_alt_port(),
     "mechanism": "correct: double-DQN port with raw nn.Parameters, the target a frozen submodule "
                  "of buffers (addmm), indexing instead of gather, loss written out",
     "expected": ()},
    {"id": "VV19", "side": "correct", "args": ddqn(numpy="ddqn_loop_numpy.py", cls="DoubleDQNLoop"),
     "mechanism": "correct: double DQN in NumPy with a pure forward, one-hot mask gradient, "
                  "in-place momentum, target copied after every 4th update",
     "expected": ()},
]

"""One hundred and forty-eighth fresh held-out set for the diagnosis: one planted bug per program in
fresh148/, written as real NumPy training programs and their PyTorch ports. The theme is
losses written by hand in NumPy and taken from torch.nn.functional in the port, with their
real conventions.

The base programs (data from fresh148/make_data.py, fixed seed):

  distill_numpy.py / distill_torch.py (DistillNet, distill.npz: X (64, 6), y (64, 5) =
      [class, teacher logits (3), regression target]): Linear(6, 16) -> tanh, a class head
      Linear(16, 3) and a regression head Linear(16, 1); loss = 0.5 * cross entropy with
      label_smoothing 0.1 and class weights (1, 2, 0.5) (torch's weighted mean, divided by the
      summed weights of the true classes) + 0.5 * T^2 * KL(teacher || student) at T = 2 with
      reduction 'batchmean' (F.kl_div on log-probabilities, log_target=True) + Huber loss with
      delta 1.5 (F.huber_loss), mean. Adam, lr 0.01. NumPy parameters in a dict (in, out);
      port nn.Linear layers.
  seg_numpy.py / seg_torch.py (SegNet, seg.npz: X (32, 1, 8, 8) images, y (32, 1, 8, 8)
      masks): conv 3x3 (1 -> 4, padding 1, im2col in NumPy) -> ReLU -> 1x1 conv (4 -> 1), a
      logit per pixel; loss = sigmoid focal loss (alpha 0.25, gamma 2, mean over pixels, as
      torchvision writes it) + soft Dice loss per image (smooth 1), averaged over images.
      SGD with momentum 0.9, lr 0.5. NumPy kernel (kh, kw, cin, cout), 1x1 weight (4, 1).
  rank_numpy.py / rank_torch.py (PairRanker, rank.npz: X (48, 2, 5) pairs, y (48, 3) =
      [sim +-1, rank +-1, click 0/1]): a siamese encoder Linear(5, 8) -> tanh -> Linear(8, 4)
      (embedding) and scorer Linear(4, 1), shared by both items; loss =
      F.cosine_embedding_loss(margin 0.2) + F.margin_ranking_loss(margin 0.5)
      + 0.5 * F.binary_cross_entropy_with_logits(s1, click, pos_weight=3). AdamW, lr 0.01,
      weight decay 0.01 (decoupled).

Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh148_cases

Each case:
    id          short name (prefixed TR)
    side        "port", "numpy" or "correct"
    args        the `parity check` argument list (paths relative to the repository root); a port
                bug is checked against the correct NumPy base, a NumPy bug against the correct
                port; 20 steps, float32, CPU, both programs as written
    mechanism   the planted mechanism, one line
    expected    keywords (case-insensitive) that an explanation naming the mechanism would contain;
                written from the mechanism, before any run, not from the kit's output; () for a correct program

Written without reading the kit's diagnosis rules, its findings or any other set; validated by
exit status alone (each bug exits 1 and its fixed copy 0 under the same arguments; each correct
program exits 0).
"""

F = "scripts/diagnosis_sets/fresh148/"

COMMON = ["--as-written", "--steps", "20", "--dtype", "float32", "--device", "cpu"]

DISTILL = ["--data", F + "distill.npz", "--init", "net = DistillNet()",
           "--param", "params['W1']=fc1.weight.T", "--param", "params['b1']=fc1.bias",
           "--param", "params['Wc']=cls.weight.T", "--param", "params['bc']=cls.bias",
           "--param", "params['Wr']=reg.weight.T", "--param", "params['br']=reg.bias"] + COMMON

SEG = ["--data", F + "seg.npz", "--init", "net = SegNet()",
       "--param", "params['K']=conv1.weight.permute(2,3,1,0)", "--param", "params['bK']=conv1.bias",
       "--param", "params['W']=conv2.weight.reshape(4,1)", "--param", "params['b']=conv2.bias"] + COMMON

RANK = ["--data", F + "rank.npz", "--init", "net = PairRanker()",
        "--param", "params['W1']=enc.0.weight.T", "--param", "params['b1']=enc.0.bias",
        "--param", "params['W2']=enc.2.weight.T", "--param", "params['b2']=enc.2.bias",
        "--param", "params['w3']=score.weight.T", "--param", "params['b3']=score.bias"] + COMMON


def distill_port(port):
    return [F + "distill_numpy.py:DistillNet", "--torch", F + port + ":DistillNet"] + DISTILL


def distill_numpy(prog):
    return [F + prog + ":DistillNet", "--torch", F + "distill_torch.py:DistillNet"] + DISTILL


def seg_port(port):
    return [F + "seg_numpy.py:SegNet", "--torch", F + port + ":SegNet"] + SEG


def seg_numpy(prog):
    return [F + prog + ":SegNet", "--torch", F + "seg_torch.py:SegNet"] + SEG


def rank_port(port):
    return [F + "rank_numpy.py:PairRanker", "--torch", F + port + ":PairRanker"] + RANK


def rank_numpy(prog):
    return [F + prog + ":PairRanker", "--torch", F + "rank_torch.py:PairRanker"] + RANK


CASES = [
    # ------------------------------------------------------------------ port bugs
    {"id": "TR01", "side": "port", "args": distill_port("01_huber_port.py"),
     "mechanism": "F.smooth_l1_loss(beta=1.5) where the NumPy program's Huber loss has delta 1.5: "
                  "smooth L1 is Huber divided by beta (quadratic part 0.5 d^2 / beta, linear part |d| - beta / 2)",
     "expected": ("smooth_l1", "smooth l1", "huber", "beta", "delta")},
    {"id": "TR02", "side": "port", "args": distill_port("02_batchmean_port.py"),
     "mechanism": "F.kl_div with reduction='mean' instead of 'batchmean': the distillation term is "
                  "divided by batch x classes instead of the batch size (a factor 1/3 on it)",
     "expected": ("batchmean", "kl_div", "kl divergence", "number of classes")},
    {"id": "TR03", "side": "port", "args": distill_port("03_smoothing_port.py"),
     "mechanism": "F.cross_entropy without label_smoothing=0.1: the hard-label term uses one-hot "
                  "targets where the NumPy program smooths them",
     "expected": ("label smoothing", "label_smoothing", "smoothing", "smoothed")},
    {"id": "TR04", "side": "port", "args": seg_port("04_alpha_port.py"),
     "mechanism": "focal loss with alpha_t = alpha for every pixel instead of alpha for positives "
                  "and 1 - alpha for negatives",
     "expected": ("alpha", "alpha_t", "focal", "class balance", "negatives")},
    {"id": "TR05", "side": "port", "args": seg_port("05_dicebatch_port.py"),
     "mechanism": "Dice loss summed over the whole batch (dims (0, 1, 2, 3)) instead of per image "
                  "and then averaged",
     "expected": ("dice", "per image", "per-image", "batch", "axis")},
    {"id": "TR06", "side": "port", "args": rank_port("06_rankswap_port.py"),
     "mechanism": "F.margin_ranking_loss(s2, s1, ...) with its two inputs swapped: the pair order "
                  "is reversed, so the ranking target's sign is flipped",
     "expected": ("swap", "margin ranking", "margin_ranking", "order", "sign")},
    {"id": "TR07", "side": "port", "args": rank_port("07_posweight_port.py"),
     "mechanism": "F.binary_cross_entropy_with_logits(weight=3) instead of pos_weight=3: every "
                  "sample is weighted 3, not only the positive term",
     "expected": ("pos_weight", "positive", "weight=", "positive weight")},
    {"id": "TR08", "side": "port", "args": rank_port("08_adamw_port.py"),
     "mechanism": "torch.optim.Adam(weight_decay=0.01) instead of AdamW: L2 decay added to the "
                  "gradient (through the moments) instead of decoupled weight decay",
     "expected": ("adamw", "decoupled", "weight decay", "l2")},
    # ----------------------------------------------------------------- NumPy bugs
    {"id": "TR09", "side": "numpy", "args": distill_numpy("09_cenorm_numpy.py"),
     "mechanism": "backward of the class-weighted cross entropy divided by the batch size N instead "
                  "of the summed weights of the true classes (the loss itself is right)",
     "expected": ("class weight", "sum of weights", "summed weights", "normaliz", "weighted mean")},
    {"id": "TR10", "side": "numpy", "args": distill_numpy("10_huberclip_numpy.py"),
     "mechanism": "Huber loss derivative taken as d (the squared-error derivative) everywhere, "
                  "without clipping it to [-delta, delta] in the linear region",
     "expected": ("huber", "clip", "delta", "linear region", "quadratic")},
    {"id": "TR11", "side": "numpy", "args": distill_numpy("11_kltemp_numpy.py"),
     "mechanism": "gradient of T^2 * KL(softmax(z / T)) scaled by T^2 instead of T: the 1/T of "
                  "the chain rule through z / T forgotten",
     "expected": ("temperature", "chain rule", "1/t", "distillation")},
    {"id": "TR12", "side": "numpy", "args": rank_numpy("12_cosgrad_numpy.py"),
     "mechanism": "derivative of the cosine similarity w.r.t. the first embedding missing the "
                  "-cos * e1 / |e1|^2 term (the normalisation by |e1| treated as constant)",
     "expected": ("cosine", "norm", "normaliz", "projection")},
    {"id": "TR13", "side": "numpy", "args": seg_numpy("13_focalgrad_numpy.py"),
     "mechanism": "focal loss derivative treats the modulating factor (1 - p_t)^gamma as a "
                  "constant: the gamma term of the product rule left out",
     "expected": ("focal", "gamma", "modulating", "product rule")},
    {"id": "TR14", "side": "numpy", "args": seg_numpy("14_dicegrad_numpy.py"),
     "mechanism": "Dice loss derivative treats the denominator sum(p) + sum(t) + 1 as a constant: "
                  "the + num / den^2 term of the quotient rule left out",
     "expected": ("dice", "denominator", "quotient")},
    {"id": "TR15", "side": "numpy", "args": seg_numpy("15_momorder_numpy.py"),
     "mechanism": "momentum SGD applies the old velocity before updating it (p -= lr * v; then "
                  "v = mu * v + g): the update lags one step, none at step 1",
     "expected": ("order", "velocity", "momentum", "stale", "one step")},
    {"id": "TR16", "side": "numpy", "args": rank_numpy("16_shared_numpy.py"),
     "mechanism": "gradients of the shared siamese encoder taken from the first tower only: the "
                  "second item's contribution is not added",
     "expected": ("shared", "second", "tower", "siamese", "accumulat")},
    # ------------------------------------------------------------- correct programs
    {"id": "TR17", "side": "correct",
     "args": [F + "17_distill_alt_numpy.py:DistillNet", "--torch", F + "distill_torch.py:DistillNet",
              "--data", F + "distill.npz", "--init", "net = DistillNet()",
              "--param", "W1=fc1.weight", "--param", "b1=fc1.bias",
              "--param", "Wc=cls.weight", "--param", "bc=cls.bias",
              "--param", "Wr=reg.weight", "--param", "br=reg.bias"] + COMMON,
     "mechanism": "correct: weights kept (out, in) as attributes, cross entropy through a smoothed "
                  "weighted target matrix, Adam in torch's arrangement",
     "expected": ()},
    {"id": "TR18", "side": "correct",
     "args": [F + "seg_numpy.py:SegNet", "--torch", F + "18_seg_linearhead_port.py:SegNet",
              "--data", F + "seg.npz", "--init", "net = SegNet()",
              "--param", "params['K']=conv.weight.permute(2,3,1,0)", "--param", "params['bK']=conv.bias",
              "--param", "params['W']=head.weight.T", "--param", "params['b']=head.bias"] + COMMON,
     "mechanism": "correct: the 1x1 convolution as nn.Linear on channels-last features, focal loss "
                  "through logsigmoid, Dice on flattened maps",
     "expected": ()},
    {"id": "TR19", "side": "correct",
     "args": [F + "rank_numpy.py:PairRanker", "--torch", F + "19_rank_rawparams_port.py:PairRanker",
              "--data", F + "rank.npz", "--init", "net = PairRanker()",
              "--param", "params['W1']=params.W1", "--param", "params['b1']=params.b1",
              "--param", "params['W2']=params.W2", "--param", "params['b2']=params.b2",
              "--param", "params['w3']=params.w3", "--param", "params['b3']=params.b3"] + COMMON,
     "mechanism": "correct: raw (in, out) parameters in an nn.ParameterDict, the three losses "
                  "written out by hand, AdamW",
     "expected": ()},
]
